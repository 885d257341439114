using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>The applicant's print view of an application (the draft, or what was submitted).</summary>
public class PrintModel(PortalDbContext db) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id) => ApplicationDocuments.PrintAsync(this, db, id);
}
