using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>The report as a PDF, with the draft mark or the submission's fingerprint on every page.</summary>
public class PdfModel(PortalDbContext db, IPdfRenderer renderer) : PageModel
{
    public Task<IActionResult> OnGetAsync() => ReportDocuments.PdfAsync(this, db, renderer);
}
