using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Regions;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.Overview;

/// <summary>
/// 全国汇总 (部级): every provincial unit's progress in a round, its own 推荐汇总表 as it signed it, and the national
/// summary of all signed-off recommendations as .xlsx, CSV and PDF. Every download is audited.
/// </summary>
public class IndexModel(PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml, TimeProvider clock) : NationalRoundPage(db)
{
    public NationalOverviewResult? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadRoundAsync())
        {
            return NotFound();
        }
        if (Round is not null)
        {
            Overview = await NationalOverview.ForAsync(Db, Round, clock.GetUtcNow(), HttpContext.RequestAborted);
        }
        return Page();
    }

    /// <summary>Written as the rows are read (thousands of them); the package needs a seekable stream, so a buffer of the small file.</summary>
    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (!await LoadRoundAsync() || Round is null)
        {
            return NotFound();
        }
        var buffer = new MemoryStream();
        var rows = await NationalSummary.WriteNationalSpreadsheetAsync(Db, Round, buffer, HttpContext.RequestAborted);
        await AuditAsync("NationalSummaryDownloaded", "下载全国推荐汇总表（xlsx）", new { format = "xlsx", rows });
        Response.Headers.CacheControl = "no-store";
        buffer.Position = 0;
        return File(buffer, SpreadsheetWriter.ContentType, NationalSummary.NationalTitle(Round) + ".xlsx");
    }

    public Task<IActionResult> OnGetCsvAsync() => NationalAsync("csv", table => Task.FromResult<IActionResult>(
        File(NationalSummary.ToCsv(table), NationalSummary.CsvContentType, table.Title + ".csv")));

    public Task<IActionResult> OnGetPdfAsync() => NationalAsync("pdf", async table => File(
        await pdf.RenderAsync(await printHtml.RenderAsync(PageContext, table), table.Title, cancellationToken: HttpContext.RequestAborted),
        "application/pdf", table.Title + ".pdf"));

    /// <summary>One provincial unit's 推荐汇总表, as .xlsx or PDF (format), from its signed-off recommendations.</summary>
    public async Task<IActionResult> OnGetUnitAsync(string? unit, string? format)
    {
        var region = RegionCatalogue.Instance.Find(unit);
        if (!await LoadRoundAsync() || Round is null || region is not { IsProvincialUnit: true } || format is not ("xlsx" or "pdf"))
        {
            return NotFound();
        }
        var overview = await NationalOverview.ForAsync(Db, Round, clock.GetUtcNow(), HttpContext.RequestAborted);
        var authority = overview.Units.Single(u => u.Unit.Code == region.Code).Authority?.Name ?? region.Name;
        var table = await NationalSummary.ForUnitAsync(Db, Round, region.Code, authority, HttpContext.RequestAborted);
        await AuditAsync("UnitSummaryDownloaded", $"下载{authority}推荐汇总表（{format}）", new { unit = region.Code, format, rows = table.Rows.Count });
        var name = $"{table.Title}（{authority}）";
        return format == "xlsx"
            ? File(SummaryTableDocuments.ToSpreadsheet(table), SpreadsheetWriter.ContentType, name + ".xlsx")
            : File(await pdf.RenderAsync(await printHtml.RenderAsync(PageContext, table), $"{table.Title} · {authority}", cancellationToken: HttpContext.RequestAborted),
                "application/pdf", name + ".pdf");
    }

    private async Task<IActionResult> NationalAsync(string format, Func<SummaryTable, Task<IActionResult>> write)
    {
        if (!await LoadRoundAsync() || Round is null)
        {
            return NotFound();
        }
        var table = await NationalSummary.NationalAsync(Db, Round, HttpContext.RequestAborted);
        await AuditAsync("NationalSummaryDownloaded", $"下载全国推荐汇总表（{format}）", new { format, rows = table.Rows.Count });
        Response.Headers.CacheControl = "no-store";
        return await write(table);
    }

    private async Task AuditAsync(string action, string summary, object details)
    {
        Db.Record(User.ToActor(), action, "Campaign", CampaignId!.Value.ToString(CultureInfo.InvariantCulture), summary, details);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
