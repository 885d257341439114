using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review;

/// <summary>
/// The province's 3-year average growth of FDI and of exports for a zone round: the standard compares each zone's
/// growth with 本省（区、市）近三年平均水平, a figure only the provincial authority can give.
/// </summary>
[Authorize(Roles = Roles.Reviewer)]
public class ReferenceFiguresModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty] public string? Fdi { get; set; }
    [BindProperty] public string? Export { get; set; }
    [BindProperty] public string? Source { get; set; }

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public ProvinceReferenceFigures? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Fdi = Saved?.FdiGrowthAverage?.ToString(CultureInfo.InvariantCulture);
        Export = Saved?.ExportGrowthAverage?.ToString(CultureInfo.InvariantCulture);
        Source = Saved?.Source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || CampaignId is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (fdi, export) = (Percentage(Fdi), Percentage(Export));
        var viewer = User.ToViewer();
        var now = clock.GetUtcNow();
        var figures = Saved ?? db.ProvinceReferenceFigures.Add(new ProvinceReferenceFigures { CampaignId = CampaignId.Value, RegionCode = viewer.RegionCode! }).Entity;
        figures.FdiGrowthAverage = fdi;
        figures.ExportGrowthAverage = export;
        figures.Source = Source?.Trim();
        figures.EnteredById = viewer.UserId;
        figures.EnteredAt = now;
        db.Record(User.ToActor(), "ReferenceFiguresSet", nameof(Campaign), CampaignId.Value.ToString(CultureInfo.InvariantCulture),
            "录入本省近三年平均增速", new { viewer.RegionCode, fdi, export, Source });
        // The lists show stored assessment summaries; the figures feed the assessment, so they are re-made with them.
        var unit = viewer.RegionCode!;
        await SubmissionSummaries.AssessmentInputsChangedAsync(db,
            db.Applications.Where(a => a.CampaignId == CampaignId.Value && a.ProvincialUnitCode == unit), now, HttpContext.RequestAborted);
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存本省参考数据，评估将据此比较。";
        return RedirectToPage(new { CampaignId });
    }

    /// <summary>A growth rate in %: may be negative, at most two decimals, within -100…10000; null when blank or not one.</summary>
    public static decimal? Percentage(string? raw) =>
        !string.IsNullOrWhiteSpace(raw) && FormNumbers.TryParse(raw, out var value, out var decimals) && decimals <= 2 && value is >= -100 and <= 10000
            ? value : null;

    private async Task<bool> LoadAsync()
    {
        var viewer = User.ToViewer();
        if (viewer.OrganisationLevel != OrganisationLevel.ProvincialUnit)
        {
            return false;
        }
        // The rounds whose criteria compare with the province's own averages (the zone standard's 开放合作), whatever the form.
        var criteria = CriteriaEditions.All.Where(e => e.ReadsProvinceFigures).Select(e => e.Key).ToList();
        Campaigns = (await db.Campaigns.AsNoTracking().Include(c => c.Stages).Include(c => c.Organiser)
                .Where(c => criteria.Contains(c.CriteriaEditionKey)).OrderByDescending(c => c.Year).ToListAsync())
            .Where(c => c.Includes(viewer)).ToList();
        if (CampaignId is null)
        {
            return true;
        }
        if (Campaigns.All(c => c.Id != CampaignId))
        {
            return false;
        }
        Saved = await db.ProvinceReferenceFigures.SingleOrDefaultAsync(f => f.CampaignId == CampaignId && f.RegionCode == viewer.RegionCode);
        return true;
    }
}

public class ReferenceFiguresValidator : AbstractValidator<ReferenceFiguresModel>
{
    public ReferenceFiguresValidator()
    {
        RuleFor(m => m.Fdi).Must(BlankOrPercentage).WithMessage("外商直接投资额近三年平均增速须为数字（%，可为负数，最多两位小数）");
        RuleFor(m => m.Export).Must(BlankOrPercentage).WithMessage("出口贸易额近三年平均增速须为数字（%，可为负数，最多两位小数）");
        RuleFor(m => m.Source).MaximumLength(500).WithMessage("数据来源不能超过500字");
    }

    private static bool BlankOrPercentage(string? raw) => string.IsNullOrWhiteSpace(raw) || ReferenceFiguresModel.Percentage(raw) is not null;
}
