using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Organisations;

/// <summary>
/// The portal's own password rules, on top of Identity's length and character rules: not one of the user's last
/// <see cref="RememberedPasswords"/> passwords, and not containing the user name or the organisation's name.
/// Runs for every password set through UserManager: sign-up by an administrator, a reset, a change.
/// </summary>
public sealed class PortalPasswordValidator(PortalDbContext db, IPasswordHasher<PortalUser> hasher) : IPasswordValidator<PortalUser>
{
    public const int RememberedPasswords = 5;

    /// <summary>Shorter user names are left out: refusing every password with "li" in it would protect nothing.</summary>
    private const int ShortestCheckedName = 3;

    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }
        var errors = new List<IdentityError>();
        if (Contains(password, user.UserName))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" });
        }
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync();
        if (Contains(password, organisation))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsOrganisationName", Description = "密码不能包含所属单位名称。" });
        }
        if (await IsRecentAsync(user, password))
        {
            errors.Add(new IdentityError { Code = "PasswordRecentlyUsed", Description = $"不能使用最近 {RememberedPasswords} 次用过的密码。" });
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static bool Contains(string password, string? name) =>
        name is { Length: >= ShortestCheckedName } && password.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<bool> IsRecentAsync(PortalUser user, string password)
    {
        var recent = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Take(RememberedPasswords)
            .Select(h => h.PasswordHash).ToListAsync();
        // Accounts made before the history existed have only their current hash.
        if (user.PasswordHash is { } current && !recent.Contains(current))
        {
            recent.Add(current);
        }
        return recent.Any(hash => hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }
}
