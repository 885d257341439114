using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Applications;

/// <summary>
/// The one place that says which applications a viewer may reach. Pages query through it, so a record outside
/// the viewer's organisation or jurisdiction is simply not found (404), never shown.
/// </summary>
public static class ApplicationAccess
{
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, Viewer viewer)
    {
        if (viewer.IsIn(Roles.Ministry))
        {
            return applications.Where(a => a.Status != ApplicationStatus.Draft || a.ReachedStageOrder > 0);
        }
        if (viewer.IsIn(Roles.Reviewer))
        {
            return ReviewableBy(applications, viewer);
        }
        if (viewer.IsIn(Roles.Applicant))
        {
            return applications.Where(a => a.OrganisationId == viewer.OrganisationId);
        }
        if (viewer.IsIn(Roles.Expert))
        {
            // Experts see only what they are assigned to as members, and only after confirming there is no conflict.
            return applications.Where(a => a.ExpertAssignments.Any(x => x.ExpertId == viewer.UserId && !x.IsReserve && x.Status == ExpertReview.AssignmentStatus.Confirmed));
        }
        return applications.Where(_ => false);
    }

    /// <summary>One application with its campaign and organisation, or null when the viewer may not reach it.</summary>
    public static Task<Application?> FindVisibleAsync(this IQueryable<Application> applications, Viewer viewer, Guid id, CancellationToken ct = default) =>
        applications.VisibleTo(viewer).WithRoundAndOrganisation().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>What an application's pages need around it: its round with the round's stages, and its organisation.</summary>
    public static IQueryable<Application> WithRoundAndOrganisation(this IQueryable<Application> applications) =>
        applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation);

    /// <summary>Applications in the reviewer's jurisdiction that have reached the stage of the reviewer's level.</summary>
    private static IQueryable<Application> ReviewableBy(IQueryable<Application> applications, Viewer viewer)
    {
        var region = viewer.RegionCode;
        var level = viewer.OrganisationLevel;
        var inJurisdiction = level switch
        {
            OrganisationLevel.ProvincialUnit => applications.Where(a => a.ProvincialUnitCode == region),
            OrganisationLevel.Prefecture => applications.Where(a => a.PrefectureCode == region),
            OrganisationLevel.County => applications.Where(a => a.RegionCode == region),
            OrganisationLevel.Ministry => applications,
            _ => applications.Where(_ => false),
        };
        return inJurisdiction.Where(a => a.Campaign!.Stages.Any(s => s.Level == level && s.Order <= a.ReachedStageOrder));
    }
}
