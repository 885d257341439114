using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>An application as its reviewing authority sees it, read-only. Outside the jurisdiction it is 404.</summary>
public class DetailModel(PortalDbContext db) : PageModel
{
    public Application Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(User.ToViewer(), id);
        if (application is null)
        {
            return NotFound();
        }
        Application = application;
        return Page();
    }
}
