using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Admin.Users;

public class EditModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public UserForm Form { get; set; } = new();
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool IsNew => Form.Id is null;
    public bool IsLockedOut { get; private set; }

    // The user edited is the one in the URL, whatever the form says, and the validator must know it before the handler.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Form.Id = context.HandlerArguments.TryGetValue("id", out var id) ? id as Guid? : null;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is not null)
        {
            var user = await users.FindByIdAsync(id.Value.ToString());
            if (user is null)
            {
                return NotFound();
            }
            Form = new UserForm
            {
                Id = user.Id, UserName = user.UserName, DisplayName = user.DisplayName, Email = user.Email, OrganisationId = user.OrganisationId,
                IsActive = user.IsActive, Roles = [.. await users.GetRolesAsync(user)],
            };
            IsLockedOut = await users.IsLockedOutAsync(user);
        }
        await LoadOrganisationsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Form.Id = id;
        var user = id is null ? null : await users.FindByIdAsync(id.Value.ToString());
        if (id is not null && user is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid || !await SaveAsync(user))
        {
            await LoadOrganisationsAsync();
            return Page();
        }
        TempData["Notice"] = $"已保存用户“{Form.UserName}”。";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Record(User.ToActor(), "UserUnlocked", "User", user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已解除“{user.UserName}”的锁定。";
        return RedirectToPage("Index");
    }

    private async Task<bool> SaveAsync(PortalUser? user)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == Form.OrganisationId))
        {
            ModelState.AddModelError("Form.OrganisationId", "请选择所属单位");
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = user is null;
        var before = created ? null : new AccountAccess(user!.OrganisationId, user.IsActive, (await users.GetRolesAsync(user)).ToHashSet());
        user ??= new PortalUser { UserName = Form.UserName!.Trim(), DisplayName = "", CreatedAt = clock.GetUtcNow() };
        user.DisplayName = Form.DisplayName!.Trim();
        // Where the e-mail copies of 站内消息 go (ADR 0043); no address, no e-mail.
        user.Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim();
        user.OrganisationId = Form.OrganisationId!.Value;
        user.IsActive = Form.IsActive;
        var passwordReset = !created && !string.IsNullOrEmpty(Form.NewPassword);
        var result = created ? await users.CreateAsync(user, Form.NewPassword!) : await users.UpdateAsync(user);
        if (result.Succeeded && passwordReset)
        {
            // A reset rather than remove-then-add, so the password rules still see the current password.
            result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Form.NewPassword!);
        }
        if (result.Succeeded)
        {
            var current = await users.GetRolesAsync(user);
            result = await users.RemoveFromRolesAsync(user, current.Except(Form.Roles));
            result = result.Succeeded ? await users.AddToRolesAsync(user, Form.Roles.Except(current)) : result;
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Form.NewPassword" : "Form.UserName", error.Description);
            }
            return false;
        }
        var actor = User.ToActor();
        db.Record(actor, created ? "UserCreated" : "UserUpdated", "User", user.Id.ToString(), user.UserName,
            new { user.DisplayName, user.Email, user.OrganisationId, user.IsActive, Form.Roles, PasswordReset = passwordReset });
        if (before is not null)
        {
            var changes = before.ChangesTo(new AccountAccess(user.OrganisationId, user.IsActive, Form.Roles.ToHashSet()), passwordReset);
            foreach (var (action, details) in changes)
            {
                db.Record(actor, action, "User", user.Id.ToString(), user.UserName, details);
            }
            // The user's existing sessions end at their next request (a password reset has changed the stamp already).
            if (changes.Count > 0 && !passwordReset)
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    private async Task LoadOrganisationsAsync() =>
        Organisations = await db.Organisations.AsNoTracking().OrderByDescending(o => o.Level).ThenBy(o => o.Name).ToListAsync();
}

public class UserForm
{
    public Guid? Id { get; set; }
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public int? OrganisationId { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public string? NewPassword { get; set; }
}

public class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(f => f.UserName).NotEmpty().WithMessage("请填写用户名").MaximumLength(64).WithMessage("用户名不能超过64个字符")
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("用户名只能包含字母、数字和 . _ - @");
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage("请填写姓名").MaximumLength(64).WithMessage("姓名不能超过64个字符");
        RuleFor(f => f.Email).MaximumLength(256).WithMessage("电子邮箱不能超过256个字符")
            .Must(e => e is null || IsMailAddress(e.Trim())).WithMessage("电子邮箱格式不正确，例如 name@example.gov.cn")
            .When(f => !string.IsNullOrWhiteSpace(f.Email));
        RuleFor(f => f.OrganisationId).NotNull().WithMessage("请选择所属单位");
        RuleFor(f => f.Roles).NotEmpty().WithMessage("请至少选择一个角色")
            .Must(r => r.All(Core.Organisations.Roles.All.Contains)).WithMessage("角色无效");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("新用户须设置初始密码").When(f => f.Id is null);
    }

    /// <summary>One plain address the mail library accepts as is (no display name, no list).</summary>
    private static bool IsMailAddress(string text) =>
        MimeKit.MailboxAddress.TryParse(text, out var address) && address.Address == text && text.Contains('@', StringComparison.Ordinal)
        && !text.Any(char.IsWhiteSpace);
}
