using Microsoft.AspNetCore.Mvc;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// An application as its reviewing authority sees it, read-only: the latest submission's answers beside their
/// assessment, the evidence, the on-site checks and the history. Outside the jurisdiction it is 404.
/// </summary>
public class DetailModel(PortalDbContext db) : ReviewedApplicationPage(db)
{
    public Application Application => Reviewed.Application;
    public IReadOnlyList<AnsweredSection> Sections { get; private set; } = [];
    public IReadOnlyList<EvidenceListItem> Evidence { get; private set; } = [];
    public IReadOnlyList<SiteCheckListItem> SiteChecks { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public Core.Publication.ListResult? ListResult { get; private set; }

    /// <summary>Whether the stored submission still hashes to its recorded hash (nothing altered since).</summary>
    public bool SubmissionIntact { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var ct = HttpContext.RequestAborted;
        var reviewed = Reviewed;
        if (reviewed is { Snapshot: { } snapshot, Submission: { } submission })
        {
            Sections = SubmittedAnswers.BySection(snapshot.Definition, snapshot.RoundYear, reviewed.Answers);
            SubmissionIntact = SubmissionSnapshot.Verify(submission);
        }
        Evidence = await EvidenceStore.ListAsync(Db, id, ct);
        SiteChecks = await SiteCheckStore.ListAsync(Db, id, ct);
        History = await InboxHistory.ForApplicationAsync(Db, id, ct);
        ListResult = await Core.Publication.PublishedLists.ResultForAsync(Db, id, ct);
        return Page();
    }

    /// <summary>True when the file's bytes are the ones the latest submission recorded.</summary>
    public bool WasSubmitted(Evidence evidence) => Reviewed.Snapshot?.Evidence.Any(e => e.Sha256 == evidence.Sha256) == true;
}
