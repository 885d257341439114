using SmeZones.Core.Organisations;

namespace SmeZones.Core.Registry;

/// <summary>
/// Which registry entries a viewer may reach, by the same jurisdiction codes as <c>ApplicationAccess</c>: the ministry
/// (and the administrator, who imports) all, a reviewing authority those in its provincial unit (a 计划单列市 or 兵团 is its own unit), prefecture or county,
/// the applicant authority its own. Anything else is simply not found.
/// </summary>
public static class RegistryAccess
{
    public static IQueryable<RegistryEntry> VisibleTo(this IQueryable<RegistryEntry> entries, Viewer viewer)
    {
        if (viewer.IsIn(Roles.Ministry) || viewer.IsIn(Roles.Admin))
        {
            return entries;
        }
        var region = viewer.RegionCode;
        if (viewer.IsIn(Roles.Reviewer))
        {
            return viewer.OrganisationLevel switch
            {
                OrganisationLevel.ProvincialUnit => entries.Where(e => e.ProvincialUnitCode == region),
                OrganisationLevel.Prefecture => entries.Where(e => e.PrefectureCode == region),
                OrganisationLevel.County => entries.Where(e => e.RegionCode == region),
                _ => entries.Where(_ => false),
            };
        }
        if (viewer.IsIn(Roles.Applicant))
        {
            return entries.Where(e => e.OrganisationId == viewer.OrganisationId);
        }
        return entries.Where(_ => false);
    }

    /// <summary>Who imports entries certified before the portal.</summary>
    public static bool MayImport(this Viewer viewer) => viewer.IsIn(Roles.Ministry) || viewer.IsIn(Roles.Admin);

    /// <summary>The provincial authority does the 初审 of requests.</summary>
    public static bool IsProvince(this Viewer viewer) =>
        viewer.IsIn(Roles.Reviewer) && viewer.OrganisationLevel == OrganisationLevel.ProvincialUnit;
}
