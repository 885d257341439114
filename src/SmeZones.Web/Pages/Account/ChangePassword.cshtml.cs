using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Account;

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

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            }
            return Page();
        }
        db.Record(User.ToActor(), "PasswordChanged", "User", user.Id.ToString());
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "密码已修改。";
        return Redirect("/");
    }
}

public class ChangePasswordValidator : AbstractValidator<ChangePasswordModel>
{
    public ChangePasswordValidator()
    {
        RuleFor(m => m.CurrentPassword).NotEmpty().WithMessage("请输入当前密码");
        RuleFor(m => m.NewPassword).NotEmpty().WithMessage("请输入新密码");
        RuleFor(m => m.ConfirmPassword).Equal(m => m.NewPassword).WithMessage("两次输入的新密码不一致")
            .When(m => !string.IsNullOrEmpty(m.NewPassword));
    }
}
