using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>建议名单: the ministry chooses from the expert ranking, with its 评审意见 and reasons.</summary>
public class SelectModel(PortalDbContext db, TimeProvider clock) : MinistryListPage(db)
{
    public sealed class Row
    {
        public Guid ApplicationId { get; set; }
        public bool Selected { get; set; }
        public string? Opinion { get; set; }
        public string? DepartureReason { get; set; }
        public string? NotSelectedReason { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];

    public IReadOnlyList<SelectionRow> Ranking { get; private set; } = [];
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Rows = Ranking.Select(r => new Row
        {
            ApplicationId = r.Ranked.ApplicationId, Selected = r.Entry?.Selected ?? false, Opinion = r.Entry?.Opinion,
            DepartureReason = r.Entry?.DepartureReason, NotSelectedReason = r.Entry?.NotSelectedReason,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var inputs = Rows.Select(r => new SelectionInput(r.ApplicationId, r.Selected, r.DepartureReason, r.Opinion, r.NotSelectedReason)).ToList();
        var errors = await ProposedList.SaveAsync(Db, CampaignId, inputs, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, InputFor);
            return Page();
        }
        TempData["Notice"] = "建议名单已保存。";
        return RedirectToPage("/Ministry/List/Select", new { campaignId = CampaignId });
    }

    /// <summary>Core's keys (opinion:{id}) to this form's inputs (Rows[i].Opinion).</summary>
    private string? InputFor(string key)
    {
        var parts = key.Split(':', 2);
        var index = parts.Length == 2 ? Rows.FindIndex(r => r.ApplicationId.ToString() == parts[1]) : -1;
        var field = parts[0] switch { "opinion" => nameof(Row.Opinion), "departure" => nameof(Row.DepartureReason), "notSelected" => nameof(Row.NotSelectedReason), _ => null };
        return index < 0 || field is null ? null : $"Rows[{index}].{field}";
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Ranking = await ProposedList.RowsAsync(Db, CampaignId, ct);
        Locked = await Db.PublicLists.AnyAsync(l => l.CampaignId == CampaignId && l.PublishedAt != null, ct);
    }
}

/// <summary>
/// The posted list by itself: no more rows than a list can have, each text within what Core stores. Which texts a row
/// needs depends on the expert ranking, so <see cref="ProposedList.SaveAsync"/> asks that.
/// </summary>
public class SelectValidator : AbstractValidator<SelectModel>
{
    public const int MaxRows = 2000;

    public SelectValidator()
    {
        RuleFor(m => m.Rows.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName("").WithMessage($"一次最多保存 {MaxRows} 条。");
        RuleForEach(m => m.Rows).ChildRules(row =>
        {
            row.RuleFor(r => r.Opinion).Must(t => t is null || t.Trim().Length <= ProposedList.MaxOpinion)
                .WithMessage(r => $"评审意见不能超过 {ProposedList.MaxOpinion} 个字（现 {r.Opinion!.Trim().Length} 个）。");
            row.RuleFor(r => r.DepartureReason).Must(t => t is null || t.Trim().Length <= ProposedList.MaxReason)
                .WithMessage(r => $"理由不能超过 {ProposedList.MaxReason} 个字（现 {r.DepartureReason!.Trim().Length} 个）。");
            row.RuleFor(r => r.NotSelectedReason).Must(t => t is null || t.Trim().Length <= ProposedList.MaxReason)
                .WithMessage(r => $"理由不能超过 {ProposedList.MaxReason} 个字（现 {r.NotSelectedReason!.Trim().Length} 个）。");
        });
    }
}
