using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>The reviewer's PDF of an application in its jurisdiction, with the submission's fingerprint on every page.</summary>
public class PdfModel(PortalDbContext db, IPdfRenderer renderer) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id) => ApplicationDocuments.PdfAsync(this, db, renderer, id);
}
