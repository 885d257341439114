using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Rounds;

/// <summary>The rounds the viewer organises: national ones for 部级, its own for a provincial authority, all for the administrator.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Campaign> Rounds { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Rounds = await db.Campaigns.AsNoTracking().OrganisedBy(User.ToViewer()).Include(c => c.Organiser).Include(c => c.Stages)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync();
    }
}
