using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>The ministry's rounds with where each list stands, and the 建议名单/认定名单 downloads.</summary>
public class IndexModel(PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Campaign Campaign, PublicList? List)> Rounds { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var campaigns = await MinistryRoundsAsync(db);
        var lists = await db.PublicLists.AsNoTracking().ToDictionaryAsync(l => l.CampaignId);
        Rounds = campaigns.Select(c => (c, lists.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>kind: proposed | certified; format: xlsx | pdf.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int campaignId, string? kind, string? format, CancellationToken ct)
    {
        if (await PublishedLists.ForCampaignAsync(db, campaignId, ct) is not { } list || (kind == "certified" && !list.List.IsCertified))
        {
            return NotFound();
        }
        var document = kind == "certified" ? list.CertifiedDocument() : list.ProposedDocument();
        db.Record(User.ToActor(), "ListDownloaded", "Campaign", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"下载{document.Title}（{format}）");
        await db.SaveChangesAsync(ct);
        return format == "pdf"
            ? File(await pdf.RenderAsync(await printHtml.RenderAsync(PageContext, document), document.Title, cancellationToken: ct), "application/pdf", document.Title + ".pdf")
            : File(ListDocuments.ToSpreadsheet(document), SpreadsheetWriter.ContentType, document.Title + ".xlsx");
    }

    /// <summary>Rounds whose chain ends at the ministry's stage.</summary>
    public static async Task<IReadOnlyList<Campaign>> MinistryRoundsAsync(PortalDbContext db) =>
        (await db.Campaigns.AsNoTracking().Include(c => c.Stages).OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToListAsync())
            .Where(c => c.Stages.Count > 0 && c.Stages.MaxBy(s => s.Order)!.Level == OrganisationLevel.Ministry).ToList();

    public string State(PublicList? list) => list switch
    {
        null => "尚未拟定建议名单",
        { IsCertified: true } => "已认定",
        { IsPublished: false } => "建议名单拟定中",
        _ when Announcement.HasEnded(list, clock.GetUtcNow()) => "公示期已结束，待认定",
        _ when Announcement.IsOpen(list, clock.GetUtcNow()) => "公示中",
        _ => "已发布，待公示开始",
    };
}
