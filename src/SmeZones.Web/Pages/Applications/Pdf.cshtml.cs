using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>The applicant's PDF of an application, to print, stamp and send.</summary>
public class PdfModel(PortalDbContext db, IPdfRenderer renderer) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id) => ApplicationDocuments.PdfAsync(this, db, renderer, id);
}
