using Microsoft.AspNetCore.Identity;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Pages.Account;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>Unknown name or wrong password: the only answer a failed guess gets, whatever the account's state.</summary>
    Failed,
    LockedOut,
    Deactivated,
}

/// <summary>
/// Checks a user name and password so that a failed attempt tells nothing about which accounts exist: an unknown name
/// costs the same password hashing as a known one (a dummy hash), and lockout or deactivation is told only to someone
/// who gave the right password. Failed attempts, lockouts and refusals go into the audit trail.
/// </summary>
public sealed class PasswordCheck(UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, PortalDbContext db)
{
    private static string? _dummyHash;

    public async Task<(SignInOutcome Outcome, PortalUser? User)> CheckAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            var dummy = new PortalUser { DisplayName = "" };
            _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(dummy, _dummyHash, password);
            await RecordAsync(Actor.System, "SignInFailed", "", userName);
            return (SignInOutcome.Failed, null);
        }

        var actor = new Actor(user.Id, user.UserName!, user.OrganisationId);
        var lockedOut = await users.IsLockedOutAsync(user);
        if (!await users.CheckPasswordAsync(user, password))
        {
            // A wrong guess while locked out neither extends the lockout nor says that there is one.
            if (!lockedOut)
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    db.Record(actor, "UserLockedOut", "User", user.Id.ToString(), user.UserName, new { user.LockoutEnd });
                }
            }
            await RecordAsync(actor, "SignInFailed", user.Id.ToString(), user.UserName!);
            return (SignInOutcome.Failed, null);
        }
        if (lockedOut || !user.IsActive)
        {
            var outcome = lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Deactivated;
            await RecordAsync(actor, "SignInRefused", user.Id.ToString(), user.UserName!, new { Reason = outcome.ToString() });
            return (outcome, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        await RecordAsync(actor, "SignedIn", user.Id.ToString(), null);
        return (SignInOutcome.Succeeded, user);
    }

    private async Task RecordAsync(Actor actor, string action, string entityId, string? summary, object? details = null)
    {
        db.Record(actor, action, "User", entityId, summary, details);
        await db.SaveChangesAsync();
    }
}
