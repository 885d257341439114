using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Organisations;

/// <summary>Ends sessions in bulk: a new security stamp makes every older sign-in cookie invalid at its next request.</summary>
public static class AccountSessions
{
    /// <summary>For when an organisation's name, level, region or state changes: its users' cookies carry the old ones.</summary>
    public static Task<int> EndForOrganisationAsync(PortalDbContext db, int organisationId)
    {
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        // The concurrency stamp changes too, so an administrator's form loaded before this cannot write over it.
        return db.Users.Where(u => u.OrganisationId == organisationId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SecurityStamp, stamp)
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
    }
}
