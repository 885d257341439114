using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// What changed between two submissions, field by field: by default the latest resubmission against the one that was
/// returned, or any two via ?from=&amp;to=.
/// </summary>
public class ChangesModel(PortalDbContext db) : PageModel
{
    public Application Application { get; private set; } = null!;
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public SubmissionComparison? Comparison { get; private set; }

    /// <summary>Why there is nothing to compare, when there is not.</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? from, int? to)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), id);
        if (application is null)
        {
            return NotFound();
        }
        Application = application;
        // Only the sequence and time are listed; the snapshots are read for the two compared.
        Submissions = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.Sequence)
            .Select(s => new Submission { Id = s.Id, ApplicationId = s.ApplicationId, Sequence = s.Sequence, SubmittedAt = s.SubmittedAt, CanonicalJson = "", Sha256 = s.Sha256 })
            .ToListAsync();
        var pair = from is { } f && to is { } t ? (f, t) : await SubmissionDiff.DefaultPairAsync(db, id);
        if (pair is not { } chosen)
        {
            Message = Submissions.Count == 0 ? "该申报还没有提交记录。" : "该申报只提交过一次，没有可比较的版本。";
            return Page();
        }
        if (chosen.Item1 == chosen.Item2)
        {
            Message = "请选择两次不同的提交进行比较。";
            return Page();
        }
        Comparison = await SubmissionDiff.CompareAsync(db, id, chosen.Item1, chosen.Item2);
        Message = Comparison is null ? $"没有第 {chosen.Item1} 次或第 {chosen.Item2} 次提交。" : null;
        return Page();
    }
}
