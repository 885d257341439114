using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Organisations;

/// <summary>
/// Identity's store, plus one thing: every password hash it is given also goes into the password history. Every way a
/// password is set (create, change, admin reset, rehash) passes through <see cref="SetPasswordHashAsync"/>, so this is
/// the one place that keeps the history; the row is saved with the user by the same SaveChanges.
/// </summary>
public sealed class PortalUserStore(PortalDbContext context, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole<Guid>, PortalDbContext, Guid>(context, describer)
{
    public override async Task SetPasswordHashAsync(PortalUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is not null)
        {
            // A new account's key is otherwise only made when the store adds it, after its password is set.
            if (user.Id == Guid.Empty)
            {
                user.Id = Guid.NewGuid();
            }
            Context.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = passwordHash, CreatedAt = clock.GetUtcNow() });
        }
    }
}
