using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>变更与注销申请 of the entries the viewer may reach: open ones first, then the latest 100 concluded.</summary>
public class RequestsModel(PortalDbContext db) : PageModel
{
    public sealed record Row(RegistryRequest Request, string EntryName, string CertificateNumber);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Concluded { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = db.RegistryRequests.AsNoTracking()
            .Join(db.RegistryEntries.AsNoTracking().VisibleTo(User.ToViewer()), r => r.EntryId, e => e.Id, (r, e) => new { r, e.Name, e.CertificateNumber });
        Open = (await rows.Where(x => x.r.Status == RegistryRequestStatus.WithProvince || x.r.Status == RegistryRequestStatus.WithMinistry)
            .OrderBy(x => x.r.FiledAt).Take(500).ToListAsync()).Select(x => new Row(x.r, x.Name, x.CertificateNumber)).ToList();
        Concluded = (await rows.Where(x => x.r.Status == RegistryRequestStatus.Approved || x.r.Status == RegistryRequestStatus.Returned)
            .OrderByDescending(x => x.r.DecidedAt).Take(100).ToListAsync()).Select(x => new Row(x.r, x.Name, x.CertificateNumber)).ToList();
    }
}
