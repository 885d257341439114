using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Exports;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.Experts;

/// <summary>A round's expert review: its settings, every application at the ministry's stage in rank order, the downloads.</summary>
public class RoundModel(PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml, TimeProvider clock) : PageModel
{
    [BindProperty] public int ExpertsPerApplication { get; set; }
    [BindProperty] public int ReservesPerApplication { get; set; }
    [BindProperty] public decimal SpreadThreshold { get; set; }
    [BindProperty] public bool HideScoresUntilSubmitted { get; set; }

    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<ExpertReviewRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int campaignId)
    {
        if (!await LoadAsync(campaignId))
        {
            return NotFound();
        }
        var settings = await ExpertPool.SettingsAsync(db, campaignId);
        (ExpertsPerApplication, ReservesPerApplication, SpreadThreshold, HideScoresUntilSubmitted) =
            (settings.ExpertsPerApplication, settings.ReservesPerApplication, settings.SpreadThreshold, settings.HideScoresUntilSubmitted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int campaignId)
    {
        if (!await LoadAsync(campaignId))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var settings = await db.ExpertReviewSettings.SingleOrDefaultAsync(s => s.CampaignId == campaignId);
        if (settings is null)
        {
            settings = ExpertReviewSettings.DefaultsFor(campaignId);
            db.ExpertReviewSettings.Add(settings);
        }
        (settings.ExpertsPerApplication, settings.ReservesPerApplication, settings.SpreadThreshold, settings.HideScoresUntilSubmitted, settings.UpdatedAt) =
            (ExpertsPerApplication, ReservesPerApplication, SpreadThreshold, HideScoresUntilSubmitted, now);
        db.Record(User.ToActor(), "ExpertReviewSettingsSaved", nameof(Campaign), campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"专家评审设置：每个申报 {ExpertsPerApplication} 名专家、{ReservesPerApplication} 名候补，分差阈值 {SpreadThreshold} 分，{(HideScoresUntilSubmitted ? "提交前不显示他人评分" : "可查看他人评分")}",
            new { ExpertsPerApplication, ReservesPerApplication, SpreadThreshold, HideScoresUntilSubmitted });
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存专家评审设置。";
        return RedirectToPage(new { campaignId });
    }

    public Task<IActionResult> OnGetXlsxAsync(int campaignId) => SheetDownloads.XlsxAsync(this, db, campaignId, null);

    public Task<IActionResult> OnGetPdfAsync(int campaignId) => SheetDownloads.PdfAsync(this, db, pdf, printHtml, campaignId, null);

    private async Task<bool> LoadAsync(int campaignId)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Rows = await ExpertRanking.RowsAsync(db, campaignId);
        return true;
    }
}

/// <summary>The expert score-sheet downloads of a round or one application, audited.</summary>
public static class SheetDownloads
{
    public static async Task<IActionResult> XlsxAsync(PageModel page, PortalDbContext db, int campaignId, Guid? applicationId)
    {
        if (await LoadAsync(page, db, campaignId, applicationId, "xlsx") is not { } loaded)
        {
            return page.NotFound();
        }
        return page.File(ExpertSheetDocuments.ToSpreadsheet(loaded.Title, loaded.Sheets), SpreadsheetWriter.ContentType, loaded.Title + ".xlsx");
    }

    public static async Task<IActionResult> PdfAsync(PageModel page, PortalDbContext db, IPdfRenderer pdf, ApplicationPrintHtml printHtml, int campaignId, Guid? applicationId)
    {
        if (await LoadAsync(page, db, campaignId, applicationId, "pdf") is not { } loaded)
        {
            return page.NotFound();
        }
        var html = await printHtml.RenderAsync(page.PageContext, loaded.Title, loaded.Sheets);
        var bytes = await pdf.RenderAsync(html, loaded.Title, cancellationToken: page.HttpContext.RequestAborted);
        return page.File(bytes, "application/pdf", loaded.Title + ".pdf");
    }

    private static async Task<(string Title, IReadOnlyList<ApplicationSheets> Sheets)?> LoadAsync(
        PageModel page, PortalDbContext db, int campaignId, Guid? applicationId, string format)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            return null;
        }
        var sheets = await ExpertSheetDocuments.LoadAsync(db, campaign, applicationId, page.HttpContext.RequestAborted);
        if (applicationId is not null && sheets.Count == 0)
        {
            return null;
        }
        var title = applicationId is null ? $"{campaign.Name}专家评分表" : $"{sheets[0].Application.Number}专家评分表";
        db.Record(page.User.ToActor(), "ExpertSheetsDownloaded", applicationId is null ? nameof(Campaign) : "Application",
            applicationId?.ToString() ?? campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"下载{title}（{format}）");
        await db.SaveChangesAsync();
        return (title, sheets);
    }
}

/// <summary>The round's expert-review settings: whole numbers of experts and reserves, a threshold in half points.</summary>
public class RoundValidator : AbstractValidator<RoundModel>
{
    public RoundValidator()
    {
        RuleFor(m => m.ExpertsPerApplication).InclusiveBetween(1, 30).WithMessage("每个申报的评审专家人数须为 1 至 30");
        RuleFor(m => m.ReservesPerApplication).InclusiveBetween(0, 10).WithMessage("候补人数须为 0 至 10");
        RuleFor(m => m.SpreadThreshold).Must(t => t is >= 0 and <= 100 && t % 0.5m == 0).WithMessage("分差提示阈值须为 0 至 100 分，0.5 分一档");
    }
}
