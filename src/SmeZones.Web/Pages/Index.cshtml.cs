using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages;

/// <summary>Each role's home: what this user can act on now.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Campaign> OpenCampaigns { get; private set; } = [];
    public IReadOnlyList<Application> MyApplications { get; private set; } = [];
    public IReadOnlyList<Application> AwaitingReview { get; private set; } = [];

    /// <summary>The applicant's applications returned for revision, with the reviewer's comments: shown first.</summary>
    public IReadOnlyList<(Application Application, Core.Review.RevisionNotice Notice)> Returned { get; private set; } = [];
    public int OrganisationCount { get; private set; }
    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        var now = clock.GetUtcNow();
        if (viewer.IsIn(Roles.Applicant))
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == viewer.OrganisationId);
            var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Organiser)
                .Where(c => c.Status == CampaignStatus.Published && c.OpensAt <= now && c.ClosesAt > now).OrderBy(c => c.ClosesAt).ToListAsync();
            OpenCampaigns = campaigns.Where(c => c.CanApply(organisation)).ToList();
            MyApplications = await db.Applications.AsNoTracking().VisibleTo(viewer).Include(a => a.Campaign)
                .OrderByDescending(a => a.UpdatedAt).ToListAsync();
            var returned = new List<(Application, Core.Review.RevisionNotice)>();
            foreach (var application in MyApplications.Where(a => a.Status == ApplicationStatus.Returned))
            {
                if ((await Core.Review.ReviewWorkflowNotices.ForApplicantAsync(db, application.Id)).Revision is { } notice)
                {
                    returned.Add((application, notice));
                }
            }
            Returned = returned;
        }
        if (viewer.IsIn(Roles.Reviewer) || viewer.IsIn(Roles.Ministry))
        {
            // The inbox's 待本级审核 filter, so the home and the workbench count the same applications.
            AwaitingReview = await Core.Review.InboxQuery.WaitingHere(db.Applications.AsNoTracking().VisibleTo(viewer), viewer.OrganisationLevel)
                .Include(a => a.Campaign).Include(a => a.Organisation).OrderBy(a => a.SubmittedAt).ToListAsync();
        }
        if (viewer.IsIn(Roles.Admin))
        {
            OrganisationCount = await db.Organisations.CountAsync();
            UserCount = await db.Users.CountAsync();
        }
    }
}
