using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>期满待复核 for the organiser (部级, or a provincial authority for its own unit): the entries due for re-review.</summary>
public class ReReviewModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<RegistryEntry> Due { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = User.ToViewer();
        if (!viewer.IsIn(Roles.Ministry) && !viewer.IsProvince())
        {
            return NotFound();
        }
        Due = await db.RegistryEntries.AsNoTracking().VisibleTo(viewer).Where(e => e.Status == RegistryStatus.ExpiredAwaitingReview)
            .OrderBy(e => e.ValidUntil).ThenBy(e => e.CertificateNumber).Take(1000).ToListAsync();
        return Page();
    }
}
