using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review;

/// <summary>The reviewing unit's 推荐汇总表 for a round: preview, and downloads as .xlsx and PDF.</summary>
public class SummaryModel(PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Contact { get; set; }

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public SummaryTable? Table { get; private set; }

    /// <summary>Why the official download was refused (recommendations not yet signed off); shown above the preview.</summary>
    public string? DownloadRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (!await LoadAsync() || Table is null)
        {
            return NotFound();
        }
        if (RefuseUnsigned() is { } refused)
        {
            return refused;
        }
        await AuditAsync("xlsx");
        return File(SummaryTableDocuments.ToSpreadsheet(Table), SpreadsheetWriter.ContentType, Table.Title + ".xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync() || Table is null)
        {
            return NotFound();
        }
        if (RefuseUnsigned() is { } refused)
        {
            return refused;
        }
        await AuditAsync("pdf");
        var bytes = await pdf.RenderAsync(await printHtml.RenderAsync(PageContext, Table), $"{Table.Title} · {User.OrganisationName()}", cancellationToken: ct);
        return File(bytes, "application/pdf", Table.Title + ".pdf");
    }

    private async Task<bool> LoadAsync()
    {
        var viewer = User.ToViewer();
        Campaigns = (await db.Campaigns.AsNoTracking().Include(c => c.Stages).Include(c => c.Organiser).OrderByDescending(c => c.Year).ToListAsync())
            .Where(c => c.Includes(viewer)).ToList();
        if (CampaignId is null)
        {
            return true;
        }
        // A round outside the viewer's chain is not found, whoever typed its id into the URL.
        var campaign = Campaigns.SingleOrDefault(c => c.Id == CampaignId);
        if (campaign is null)
        {
            return false;
        }
        var definition = FormEditionCatalogue.Default.Get(campaign.FormEditionKey);
        var contact = Contact is { Length: > 100 } ? Contact[..100] : Contact;
        Table = RecommendationSummaryTable.Build(definition, campaign.Year, User.OrganisationName(), contact,
            await SummarySources.ForAsync(db, viewer, campaign), RecommendationSummaryTable.AuthorityLabelFor(viewer.OrganisationLevel));
        return true;
    }

    /// <summary>
    /// The official table (to be stamped and sent) lists only signed-off recommendations: while any is unsigned the
    /// download is refused and the preview says which (ADR 0057). 409: the request is fine, the table is not ready.
    /// </summary>
    private PageResult? RefuseUnsigned()
    {
        if (Table!.UnsignedCount == 0)
        {
            return null;
        }
        DownloadRefusal = $"本表有 {Table.UnsignedCount} 项推荐尚未签发（预览中标为“未签发”），暂不能下载正式的推荐汇总表。请先在各申报的“推荐意见与签发”页签发，或改为不予推荐。";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task AuditAsync(string format)
    {
        db.Record(User.ToActor(), "SummaryDownloaded", "Campaign", CampaignId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"下载推荐汇总表（{format}）", new { rows = Table!.Rows.Count });
        await db.SaveChangesAsync();
    }
}
