using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>The report's print view (the one print path of the forms).</summary>
public class PrintModel(PortalDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync() => ReportDocuments.PrintAsync(this, db);
}
