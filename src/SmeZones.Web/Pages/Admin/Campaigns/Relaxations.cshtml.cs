using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Admin.Campaigns;

/// <summary>
/// The round's relaxation for 中西部/东北 (zones) or 西部 (clusters): the standards say "适当放宽" without numbers,
/// so which thresholds are relaxed, and to what, is the organiser's setting, recorded with every assessment.
/// </summary>
public class RelaxationsModel(PortalDbContext db) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public CriteriaEdition Criteria { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, List<string>? classes)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var relaxations = new Dictionary<string, decimal>();
        foreach (var threshold in Criteria.Thresholds)
        {
            var raw = Request.Form["t." + threshold.Key].ToString();
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            if (!FormNumbers.TryParse(raw, out var value, out var decimals) || decimals > 2 || value < 0)
            {
                ModelState.AddModelError("t." + threshold.Key, $"“{threshold.Title}”的放宽值须为不小于0、最多两位小数的数字");
                continue;
            }
            relaxations[threshold.Key] = value;
        }
        var chosen = (classes ?? []).Where(c => Criteria.RelaxableClasses.Any(r => r.ToString() == c)).Distinct().ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = new { Campaign.Relaxations, Campaign.RelaxedRegionClasses };
        Campaign.Relaxations = relaxations;
        Campaign.RelaxedRegionClasses = chosen;
        db.Record(User.ToActor(), "RelaxationsSet", nameof(Campaign), id.ToString(CultureInfo.InvariantCulture),
            "设置放宽指标", new { before, after = new { relaxations, chosen } });
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存放宽设置。";
        return RedirectToPage("Index");
    }

    public string Posted(string key, decimal? saved) =>
        Request.HasFormContentType ? Request.Form[key].ToString() : saved?.ToString(CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> LoadAsync(int id)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Criteria = CriteriaEditions.Get(campaign.CriteriaEditionKey);
        return true;
    }
}
