using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>Reports not submitted after their deadline, by provincial unit: the ministry sees all, a province its own, a holder its own.</summary>
public class OverdueModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DueReport> Overdue { get; private set; } = [];

    public async Task OnGetAsync() => Overdue = await AnnualReportDue.OverdueAsync(db, User.ToViewer(), clock.GetUtcNow(), HttpContext.RequestAborted);
}
