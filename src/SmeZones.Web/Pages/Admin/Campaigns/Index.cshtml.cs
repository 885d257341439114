using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;

namespace SmeZones.Web.Pages.Admin.Campaigns;

public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Organiser).Include(c => c.Stages).OrderByDescending(c => c.Year).ToListAsync();
    }
}
