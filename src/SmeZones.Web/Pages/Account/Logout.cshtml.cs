using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery), so a link on another site cannot sign a user out.</summary>
public class LogoutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Notice"] = "您已退出登录。";
        return RedirectToPage("/Account/Login");
    }
}
