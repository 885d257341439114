using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;

namespace SmeZones.Web.Pages.Public.Lists;

/// <summary>Every round whose list has gone to 公示, for anyone without signing in.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<(Campaign Campaign, PublicList List)> Lists { get; private set; } = [];

    public async Task OnGetAsync() => Lists = await PublishedLists.AllAsync(db);
}
