using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>期满待复核 for the organiser (部级, or a provincial authority for its own unit): the entries due for re-review.</summary>
public class ReReviewModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RegistryEntry> Due { get; private set; } = [];

    /// <summary>Entries of re-review rounds that failed or were not filed in time, offered to the ministry for 撤销.</summary>
    public IReadOnlyList<ReReviewFailure> Failures { get; private set; } = [];

    /// <summary>The re-review application of each due entry in a round, newest first (entry id → number, status).</summary>
    public IReadOnlyDictionary<Guid, string> RoundOf { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = User.ToViewer();
        if (!viewer.IsIn(Roles.Ministry) && !viewer.IsProvince())
        {
            return NotFound();
        }
        Due = await db.RegistryEntries.AsNoTracking().VisibleTo(viewer).Where(e => e.Status == RegistryStatus.ExpiredAwaitingReview)
            .OrderBy(e => e.ValidUntil).ThenBy(e => e.CertificateNumber).Take(1000).ToListAsync();
        var ids = Due.Select(e => e.Id).ToList();
        RoundOf = (await db.Applications.AsNoTracking().Where(a => a.ReReviewEntryId != null && ids.Contains(a.ReReviewEntryId.Value))
                .OrderBy(a => a.CreatedAt).Select(a => new { Entry = a.ReReviewEntryId!.Value, a.Campaign!.Name, a.Number }).ToListAsync())
            .GroupBy(a => a.Entry).ToDictionary(g => g.Key, g => $"{g.Last().Name}（{g.Last().Number}）");
        Failures = await ReReviewRounds.FailuresAsync(db, viewer, clock.GetUtcNow());
        return Page();
    }
}
