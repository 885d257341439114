using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Web.Pages.Applications;

namespace SmeZones.Web.Pages.Experts;

/// <summary>An expert downloads a 佐证材料 of an application they confirmed to review; ApplicationAccess decides.</summary>
public class EvidenceDownloadModel(PortalDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId) => EvidenceDownload.ServeAsync(this, db, id, evidenceId);
}
