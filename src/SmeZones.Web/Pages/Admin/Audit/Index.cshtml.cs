using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;

namespace SmeZones.Web.Pages.Admin.Audit;

/// <summary>Checks the whole audit chain each time it is opened and shows the first broken link, if any.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public AuditChainReport? Report { get; private set; }

    public async Task OnGetAsync() => Report = await AuditChain.VerifyAsync(db, HttpContext.RequestAborted);
}
