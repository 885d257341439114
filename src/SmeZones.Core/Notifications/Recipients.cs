using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Notifications;

/// <summary>Who a message is for: one user, or the users of an organisation who hold a role.</summary>
public abstract record Recipients
{
    public static Recipients User(Guid userId) => new ToUser(userId);

    public static Recipients Organisation(int organisationId, string role) => new ToOrganisation(organisationId, role);

    /// <summary>The users in the role at every authority of that level answering for the region (any, when null).</summary>
    public static Recipients Authorities(OrganisationLevel level, string? regionCode, string role) => new ToAuthorities(level, regionCode, role);

    internal sealed record ToUser(Guid UserId) : Recipients;

    internal sealed record ToAuthorities(OrganisationLevel Level, string? RegionCode, string Role) : Recipients;

    internal sealed record ToOrganisation(int OrganisationId, string Role) : Recipients;

    /// <summary>The active users (of an active organisation) this means now, with their e-mail addresses.</summary>
    internal async Task<List<Recipient>> ResolveAsync(PortalDbContext db, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive && u.Organisation!.IsActive);
        users = this switch
        {
            ToUser one => users.Where(u => u.Id == one.UserId),
            ToOrganisation org => users.Where(u => u.OrganisationId == org.OrganisationId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == org.Role))),
            ToAuthorities unit => users.Where(u => u.Organisation!.Level == unit.Level
                && (unit.RegionCode == null || u.Organisation.RegionCode == unit.RegionCode)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == unit.Role))),
            _ => throw new InvalidOperationException(),
        };
        var personal = this is ToUser;
        return await users.OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.DisplayName, u.Email, personal ? null : u.OrganisationId)).ToListAsync(ct);
    }
}

internal sealed record Recipient(Guid UserId, string Name, string? Email, int? OrganisationId);
