using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Account;

public class LoginModel(SignInManager<PortalUser> signIn, PortalDbContext db) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(UserName!.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", "该账户已停用，请联系系统管理员。");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            db.Record(new Actor(user!.Id, user.UserName!, user.OrganisationId), "SignedIn", "User", user.Id.ToString());
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "登录失败次数过多，账户已被锁定 15 分钟，请稍后再试或联系系统管理员。"
            : "用户名或密码不正确。");
        return Page();
    }
}

public class LoginValidator : AbstractValidator<LoginModel>
{
    public LoginValidator()
    {
        RuleFor(m => m.UserName).Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("请输入用户名");
        RuleFor(m => m.Password).NotEmpty().WithMessage("请输入密码");
    }
}
