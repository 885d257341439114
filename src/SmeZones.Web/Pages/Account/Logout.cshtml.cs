using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST (with antiforgery), so a link on another site cannot sign a user out. It ends this session only;
/// ending all of them is "sign out everywhere" on the password page.
/// </summary>
public class LogoutModel(SignInManager<PortalUser> signIn, PortalDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = User.ToActor();
        await signIn.SignOutAsync();
        db.Record(actor, "SignedOut", "User", $"{actor.UserId}", actor.UserName);
        await db.SaveChangesAsync();
        TempData["Notice"] = "您已退出登录。";
        return RedirectToPage("/Account/Login");
    }
}
