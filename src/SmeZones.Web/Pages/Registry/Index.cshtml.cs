using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Regions;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry;

/// <summary>
/// 名录: the entries the viewer may reach (RegistryAccess), 50 to a page, filtered by programme, provincial unit and
/// status in SQL, and the same selection as .xlsx or CSV. Unknown filter values are ignored, so an old link still works.
/// </summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public RegistryPage Result { get; private set; } = null!;

    public static IReadOnlyList<Region> Units { get; } =
        [.. RegionCatalogue.Instance.All.Where(r => r.IsProvincialUnit).OrderBy(r => r.Code, StringComparer.Ordinal)];

    public static IReadOnlyList<Programme> Programmes { get; } = Enum.GetValues<Programme>();

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await RegistryQuery.PageAsync(Selection(), PageNumber, HttpContext.RequestAborted);
        PageNumber = Result.Page;
        return Page();
    }

    public Task<IActionResult> OnGetXlsxAsync() => DownloadAsync("xlsx");

    public Task<IActionResult> OnGetCsvAsync() => DownloadAsync("csv");

    public string? PageUrl(int page) => Url.Page("/Registry/Index", new { programme = Programme, unit = Unit, status = Status, p = page });

    public string? DownloadUrl(string handler) => Url.Page("/Registry/Index", handler, new { programme = Programme, unit = Unit, status = Status });

    private IQueryable<RegistryEntry> Selection()
    {
        var filter = new RegistryFilter(
            Enum.TryParse<Programme>(Programme, out var programme) && Programmes.Contains(programme) ? programme : null,
            Units.Any(u => u.Code == Unit) ? Unit : null,
            Enum.TryParse<RegistryStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null);
        Programme = filter.Programme?.ToString();
        Unit = filter.ProvincialUnit;
        Status = filter.Status?.ToString();
        return db.RegistryEntries.VisibleTo(User.ToViewer()).Filter(filter);
    }

    private async Task<IActionResult> DownloadAsync(string format)
    {
        var entries = await Selection().Take(RegistryImport.MaxRows * 4).ToListAsync(HttpContext.RequestAborted);
        var table = RegistryExport.Table("中外中小企业合作区、中小企业特色产业集群名录", entries);
        db.Record(User.ToActor(), "RegistryDownloaded", nameof(RegistryEntry), "list", $"下载名录（{format}，{entries.Count} 条）",
            new { format, Programme, Unit, Status, rows = entries.Count });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        var name = "名录" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return format == "xlsx"
            ? File(RegistryExport.ToSpreadsheet(table), SpreadsheetWriter.ContentType, name + ".xlsx")
            : File(RegistryExport.ToCsv(table), NationalSummary.CsvContentType, name + ".csv");
    }
}
