using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review;

/// <summary>The reviewing authority's inbox: every application in its jurisdiction that has reached its level.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<Application> Applications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Applications = await db.Applications.AsNoTracking().VisibleTo(User.ToViewer())
            .Include(a => a.Campaign).Include(a => a.Organisation)
            .OrderBy(a => a.CampaignId).ThenBy(a => a.SubmittedAt).ToListAsync();
    }
}
