using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Applications;

/// <summary>
/// The one place that says which applications a viewer may reach. Pages query through it, so a record outside
/// the viewer's organisation or jurisdiction is simply not found (404), never shown.
/// </summary>
public static class ApplicationAccess
{
    // Each rule takes the viewer as its second parameter, so a compiled query can take the viewer as an argument
    // (ADR 0091) while every other query binds it: one statement of each rule, whichever way it is run.
    private static readonly Expression<Func<Application, Viewer, bool>> Ministry =
        (a, v) => a.Status != ApplicationStatus.Draft || a.ReachedStageOrder > 0;

    private static readonly Expression<Func<Application, Viewer, bool>> OwnOrganisation = (a, v) => a.OrganisationId == v.OrganisationId;

    // Experts see only what they are assigned to as members, and only after confirming there is no conflict.
    private static readonly Expression<Func<Application, Viewer, bool>> AssignedExpert =
        (a, v) => a.ExpertAssignments.Any(x => x.ExpertId == v.UserId && !x.IsReserve && x.Status == ExpertReview.AssignmentStatus.Confirmed);

    // Reviewers: applications in their jurisdiction that have reached the stage of their level.
    private static readonly Expression<Func<Application, Viewer, bool>> ProvincialReviewer =
        (a, v) => a.ProvincialUnitCode == v.RegionCode && a.Campaign!.Stages.Any(s => s.Level == v.OrganisationLevel && s.Order <= a.ReachedStageOrder);

    private static readonly Expression<Func<Application, Viewer, bool>> PrefectureReviewer =
        (a, v) => a.PrefectureCode == v.RegionCode && a.Campaign!.Stages.Any(s => s.Level == v.OrganisationLevel && s.Order <= a.ReachedStageOrder);

    private static readonly Expression<Func<Application, Viewer, bool>> CountyReviewer =
        (a, v) => a.RegionCode == v.RegionCode && a.Campaign!.Stages.Any(s => s.Level == v.OrganisationLevel && s.Order <= a.ReachedStageOrder);

    private static readonly Expression<Func<Application, Viewer, bool>> MinistryReviewer =
        (a, v) => a.Campaign!.Stages.Any(s => s.Level == v.OrganisationLevel && s.Order <= a.ReachedStageOrder);

    private static readonly Expression<Func<Application, Viewer, bool>> Nobody = (a, v) => false;

    /// <summary>The rule that decides which applications this viewer reaches, the viewer being its second parameter.</summary>
    public static Expression<Func<Application, Viewer, bool>> RuleFor(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsIn(Roles.Ministry))
        {
            return Ministry;
        }
        if (viewer.IsIn(Roles.Reviewer))
        {
            return viewer.OrganisationLevel switch
            {
                OrganisationLevel.ProvincialUnit => ProvincialReviewer,
                OrganisationLevel.Prefecture => PrefectureReviewer,
                OrganisationLevel.County => CountyReviewer,
                OrganisationLevel.Ministry => MinistryReviewer,
                _ => Nobody,
            };
        }
        if (viewer.IsIn(Roles.Applicant))
        {
            return OwnOrganisation;
        }
        return viewer.IsIn(Roles.Expert) ? AssignedExpert : Nobody;
    }

    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, Viewer viewer) =>
        applications.Where(ExpressionParameters.Bind(RuleFor(viewer), viewer));

    /// <summary>One application with its campaign and organisation, or null when the viewer may not reach it.</summary>
    public static Task<Application?> FindVisibleAsync(this IQueryable<Application> applications, Viewer viewer, Guid id, CancellationToken ct = default) =>
        applications.VisibleTo(viewer).WithRoundAndOrganisation().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>What an application's pages need around it: its round with the round's stages, and its organisation.</summary>
    public static IQueryable<Application> WithRoundAndOrganisation(this IQueryable<Application> applications) =>
        applications.Provider.CreateQuery<Application>(ExpressionParameters.Apply(RoundAndOrganisation, applications.Expression));

    /// <summary>
    /// The includes of <see cref="WithRoundAndOrganisation"/> as an expression, so a compiled query (which cannot call
    /// the method) takes the same ones.
    /// </summary>
    public static readonly Expression<Func<IQueryable<Application>, IQueryable<Application>>> RoundAndOrganisation =
        applications => applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation);
}
