using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Account;

/// <summary>The signed-in user's own password, and "sign out everywhere".</summary>
public class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalDbContext db) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Changing the password changes the security stamp: every other session of this user ends at its next request.
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            }
            return Page();
        }
        db.Record(User.ToActor(), "PasswordChanged", "User", user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync();
        // This session goes on with a cookie carrying the new stamp, its claims rebuilt from the database.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "密码已修改，您在其他设备上的登录已失效。";
        return RedirectToPage("/Index");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.UpdateSecurityStampAsync(user);
        db.Record(User.ToActor(), "SignedOutEverywhere", "User", user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        TempData["Notice"] = "您已在所有设备上退出登录。";
        return RedirectToPage("/Account/Login");
    }
}

public class ChangePasswordValidator : AbstractValidator<ChangePasswordModel>
{
    public ChangePasswordValidator()
    {
        RuleFor(m => m.CurrentPassword).NotEmpty().WithMessage("请输入当前密码").MaximumLength(256).WithMessage("密码不能超过256个字符");
        RuleFor(m => m.NewPassword).NotEmpty().WithMessage("请输入新密码").MaximumLength(256).WithMessage("密码不能超过256个字符");
        RuleFor(m => m.ConfirmPassword).Equal(m => m.NewPassword).WithMessage("两次输入的新密码不一致")
            .When(m => !string.IsNullOrEmpty(m.NewPassword));
    }
}
