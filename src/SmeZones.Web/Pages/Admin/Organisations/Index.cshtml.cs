using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Pages.Admin.Organisations;

public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync() =>
        Organisations = await db.Organisations.AsNoTracking().Include(o => o.Region)
            .OrderByDescending(o => o.Level).ThenBy(o => o.RegionCode).ToListAsync();
}
