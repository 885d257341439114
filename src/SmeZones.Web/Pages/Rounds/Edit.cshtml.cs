using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Rounds;

/// <summary>
/// The round editor for drafts: a new round, a draft being completed, or next year's copy of a round. Rules are
/// RoundDefinitionValidator's (shared with create-round); once published, changes go through the overview.
/// </summary>
public class EditModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int StageRows = 3;

    [BindProperty] public RoundDefinition Round { get; set; } = new();
    [BindProperty] public int? OrganiserId { get; set; }
    public int? Id { get; private set; }
    public IReadOnlyList<Organisation> Organisers { get; private set; } = [];
    public bool HasNotice { get; private set; }

    /// <summary>The 期满待复核 entries the organiser may re-review, offered for a re-review round (ADR 0066).</summary>
    public IReadOnlyList<RegistryEntry> DueEntries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? copyFrom)
    {
        await LoadOrganisersAsync();
        var source = id ?? copyFrom;
        if (source is null)
        {
            Round = new RoundDefinition { IntroMaxChars = "300" };
            OrganiserId = Organisers.Count > 0 ? Organisers[0].Id : null;
            return Page();
        }
        var campaign = await db.Campaigns.FindOrganisedAsync(User.ToViewer(), source.Value);
        if (campaign is null)
        {
            return NotFound();
        }
        if (id is not null && campaign.Status != CampaignStatus.Draft)
        {
            return RedirectToPage("/Rounds/Overview", new { id });
        }
        var editions = RoundNames.UsableEditions().Select(f => (f.Key, f.Programme.ToString(), f.RoundYear));
        Round = id is null ? RoundDefinition.NextYearOf(campaign, editions) : RoundDefinition.Of(campaign);
        OrganiserId = campaign.OrganiserId;
        Id = id;
        HasNotice = id is not null && await db.CampaignNotices.AnyAsync(n => n.CampaignId == id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, IFormFile? notice)
    {
        await LoadOrganisersAsync();
        var viewer = User.ToViewer();
        Campaign? existing = null;
        if (id is not null && (existing = await db.Campaigns.FindOrganisedAsync(viewer, id.Value)) is null)
        {
            return NotFound();
        }
        Id = id;
        HasNotice = id is not null && await db.CampaignNotices.AnyAsync(n => n.CampaignId == id);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var organiser = Organisers.Count == 1 ? Organisers[0] : Organisers.FirstOrDefault(o => o.Id == OrganiserId);
        if (organiser is null)
        {
            ModelState.AddModelError(nameof(OrganiserId), "请选择组织单位");
            return Page();
        }
        var now = clock.GetUtcNow();
        var result = await RoundSetup.SaveDraftAsync(db, existing, Round, organiser, User.ToActor(), now);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? "" : "Round." + error.PropertyName, error.ErrorMessage);
            }
            return Page();
        }
        var campaign = result.Campaign!;
        if (notice is { Length: > 0 })
        {
            await using var content = notice.OpenReadStream();
            if (await RoundNotices.AttachAsync(db, campaign, notice.FileName, content, User.ToActor(), now, HttpContext.RequestAborted) is { } problem)
            {
                // The draft itself is saved; only the file is refused.
                Id = campaign.Id;
                ModelState.AddModelError("Notice", problem);
                return Page();
            }
        }
        TempData["Notice"] = $"已保存批次草稿“{campaign.Name}”。";
        return RedirectToPage("/Rounds/Overview", new { id = campaign.Id });
    }

    private async Task LoadOrganisersAsync()
    {
        Organisers = await db.Organisations.AsNoTracking().OrganisersFor(User.ToViewer())
            .OrderByDescending(o => o.Level).ThenBy(o => o.Name).ToListAsync();
        // The entries due in the most senior organiser's region: the ministry sees all, a province its own.
        DueEntries = Organisers.Count == 0 ? [] : await ReReviewRounds.DueForAsync(db, Organisers[0], null, HttpContext.RequestAborted);
    }
}

/// <summary>
/// The draft's shape: an organiser id that can be one, and no more stages or region classes than a round has. Every
/// field's own rule is <see cref="RoundDefinitionValidator"/>'s, which needs the organiser the handler resolves.
/// </summary>
public class EditValidator : AbstractValidator<EditModel>
{
    public const int MaxStages = 10;

    public EditValidator()
    {
        RuleFor(m => m.OrganiserId).GreaterThan(0).When(m => m.OrganiserId is not null).WithMessage("请选择组织单位");
        RuleFor(m => m.Round.Stages.Count).LessThanOrEqualTo(MaxStages).OverridePropertyName("").WithMessage($"审核环节不能超过 {MaxStages} 个。");
        RuleFor(m => m.Round.ReReviewEntries.Count).LessThanOrEqualTo(ReReviewRounds.MaxEntries).OverridePropertyName("")
            .WithMessage($"一个复核批次最多包含 {ReReviewRounds.MaxEntries} 个条目。");
        RuleFor(m => m.Round.RelaxedRegionClasses.Count).LessThanOrEqualTo(MaxStages).OverridePropertyName("").WithMessage("放宽地区类别选择有误，请重新选择。");
    }
}
