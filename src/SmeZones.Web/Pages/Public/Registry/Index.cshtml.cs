using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Pages.Public.Registry;

/// <summary>The public registry: valid entries only (有效, 复核通过), with what the public may know of each.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public RegistryPage Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Programme? programme = Enum.TryParse<Programme>(Programme, out var p) && Pages.Registry.IndexModel.Programmes.Contains(p) ? p : null;
        Programme = programme?.ToString();
        Result = await RegistryQuery.PageAsync(db.RegistryEntries.Public().Filter(new RegistryFilter(programme, null, null)), PageNumber, HttpContext.RequestAborted);
        PageNumber = Result.Page;
    }

    public string? PageUrl(int page) => Url.Page("/Public/Registry/Index", new { programme = Programme, p = page });
}
