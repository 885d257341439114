using FluentValidation;
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
    /// <summary>The region classes ticked (checkboxes "classes").</summary>
    [BindProperty(Name = "classes")] public List<string> Classes { get; set; } = [];

    public Campaign Campaign { get; private set; } = null!;
    public CriteriaEdition Criteria { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var relaxations = new Dictionary<string, decimal>();
        foreach (var threshold in Criteria.Thresholds)
        {
            if (ParseValue(Request.Form[Field + threshold.Key].ToString()) is { } value)
            {
                relaxations[threshold.Key] = value;
            }
        }
        var chosen = Classes.Where(c => Criteria.RelaxableClasses.Any(r => r.ToString() == c)).Distinct().ToList();
        var before = new { Campaign.Relaxations, Campaign.RelaxedRegionClasses };
        Campaign.Relaxations = relaxations;
        Campaign.RelaxedRegionClasses = chosen;
        db.Record(User.ToActor(), "RelaxationsSet", nameof(Campaign), id.ToString(CultureInfo.InvariantCulture),
            "设置放宽指标", new { before, after = new { relaxations, chosen } });
        await db.SaveChangesAsync();
        TempData["Notice"] = "已保存放宽设置。";
        return RedirectToPage("Index");
    }

    /// <summary>The prefix of a threshold's input ("t." + its key).</summary>
    public const string Field = "t.";

    /// <summary>A relaxation as typed: null when blank or not a number ≥ 0 with at most two decimals.</summary>
    public static decimal? ParseValue(string? raw) =>
        !string.IsNullOrWhiteSpace(raw) && FormNumbers.TryParse(raw, out var value, out var decimals) && decimals <= 2 && value >= 0 ? value : null;

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

/// <summary>
/// Each posted threshold value (inputs "t.{key}", read from the form as the page draws them) is blank or a number ≥ 0
/// with at most two decimals; the region classes are a short list. Keys the round's criteria do not have are ignored
/// by the handler, so need no message.
/// </summary>
public class RelaxationsValidator : AbstractValidator<RelaxationsModel>
{
    public RelaxationsValidator() => RuleFor(m => m).Custom((m, context) =>
    {
        if (!m.Request.HasFormContentType)
        {
            return;
        }
        var form = m.Request.Form;
        if (form.Keys.Count > 200 || m.Classes.Count > 20)
        {
            context.AddFailure("", "提交的内容过多，请刷新页面后重新填写。");
            return;
        }
        foreach (var key in form.Keys.Where(k => k.StartsWith(RelaxationsModel.Field, StringComparison.Ordinal) && k.Length <= 100))
        {
            var raw = form[key].ToString();
            if (!string.IsNullOrWhiteSpace(raw) && RelaxationsModel.ParseValue(raw) is null)
            {
                context.AddFailure(key, "放宽值须为不小于0、最多两位小数的数字");
            }
        }
    });
}
