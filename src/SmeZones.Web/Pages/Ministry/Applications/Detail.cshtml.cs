using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.Applications;

/// <summary>A stage's review as the ministry reads it: who, the decision, the 推荐意见 and the sign-off.</summary>
public sealed record StageReviewLine(string Stage, string Organisation, StageReview Review);

/// <summary>
/// A recommended application, read-only, for the ministry: the provincial unit's 推荐意见 and sign-off, the assessment,
/// the evidence and the site checks. Anything that did not reach the ministry through a signed-off recommendation is 404.
/// The answers themselves are on the review page this links to, which the ministry reaches by the same access rule.
/// </summary>
public class DetailModel(PortalDbContext db) : PageModel
{
    public ReviewedApplication Reviewed { get; private set; } = null!;
    public Application Application => Reviewed.Application;
    public IReadOnlyList<StageReviewLine> Reviews { get; private set; } = [];
    public IReadOnlyList<EvidenceListItem> Evidence { get; private set; } = [];
    public IReadOnlyList<SiteCheckListItem> SiteChecks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var reviewed = await ReviewedApplication.LoadAsync(db, User.ToViewer(), id, ct);
        if (reviewed is null || NationalRound.Of(reviewed.Application.Campaign!) is not { } round
            || !await round.Recommended(db).AnyAsync(a => a.Id == id, ct))
        {
            return NotFound();
        }
        Reviewed = reviewed;
        var stages = reviewed.Application.Campaign!.Stages;
        Reviews = (await db.StageReviews.AsNoTracking().Where(r => r.ApplicationId == id).OrderBy(r => r.StageOrder)
                .Select(r => new { Review = r, Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).First() })
                .ToListAsync(ct))
            .Select(x => new StageReviewLine(stages.FirstOrDefault(s => s.Order == x.Review.StageOrder)?.Name ?? "", x.Organisation, x.Review)).ToList();
        Evidence = await EvidenceStore.ListAsync(db, id, ct);
        SiteChecks = await SiteCheckStore.ListAsync(db, id, ct);
        return Page();
    }
}
