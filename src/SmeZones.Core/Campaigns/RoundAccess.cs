using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>
/// Who organises rounds: 系统管理员 any; 部级 the national rounds (organised by a ministry-level organisation); a
/// provincial authority its own rounds only, for its own jurisdiction. Everyone else reaches no round here.
/// </summary>
public static class RoundAccess
{
    public static bool MayOrganiseRounds(this Viewer viewer) =>
        viewer.IsIn(Roles.Admin) || viewer.IsIn(Roles.Ministry)
        || (viewer.IsIn(Roles.Reviewer) && viewer.OrganisationLevel == OrganisationLevel.ProvincialUnit);

    public static IQueryable<Campaign> OrganisedBy(this IQueryable<Campaign> campaigns, Viewer viewer)
    {
        if (viewer.IsIn(Roles.Admin))
        {
            return campaigns;
        }
        if (viewer.IsIn(Roles.Ministry))
        {
            return campaigns.Where(c => c.Organiser!.Level == OrganisationLevel.Ministry);
        }
        return viewer.MayOrganiseRounds() ? campaigns.Where(c => c.OrganiserId == viewer.OrganisationId) : campaigns.Where(c => false);
    }

    public static Task<Campaign?> FindOrganisedAsync(this IQueryable<Campaign> campaigns, Viewer viewer, int id, CancellationToken ct = default) =>
        campaigns.OrganisedBy(viewer).Include(c => c.Organiser).Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The organisations the viewer may organise a new round as: its own, or for the administrator any ministry or provincial authority.</summary>
    public static IQueryable<Organisation> OrganisersFor(this IQueryable<Organisation> organisations, Viewer viewer) =>
        viewer.IsIn(Roles.Admin)
            ? organisations.Where(o => o.IsActive && (o.Level == OrganisationLevel.Ministry || o.Level == OrganisationLevel.ProvincialUnit))
            : viewer.MayOrganiseRounds() ? organisations.Where(o => o.Id == viewer.OrganisationId) : organisations.Where(o => false);
}
