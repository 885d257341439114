using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Account;

public class LoginModel(SignInManager<PortalUser> signIn, PasswordCheck check) : PageModel
{
    public const string Failed = "用户名或密码不正确。";

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

        var (outcome, user) = await check.CheckAsync(UserName!.Trim(), Password!);
        if (outcome == SignInOutcome.Succeeded)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("", outcome switch
        {
            SignInOutcome.LockedOut => "登录失败次数过多，账户已被锁定 15 分钟，请稍后再试或联系系统管理员。",
            SignInOutcome.Deactivated => "该账户已停用，请联系系统管理员。",
            _ => Failed,
        });
        return Page();
    }
}

public class LoginValidator : AbstractValidator<LoginModel>
{
    public LoginValidator()
    {
        // Control characters never get here: ControlCharacterFilter strips them from every posted value (ADR 0009).
        RuleFor(m => m.UserName).Must(u => !string.IsNullOrWhiteSpace(u)).WithMessage("请输入用户名")
            .MaximumLength(256).WithMessage("用户名不能超过256个字符");
        RuleFor(m => m.Password).NotEmpty().WithMessage("请输入密码")
            .MaximumLength(256).WithMessage("密码不能超过256个字符");
    }
}
