using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>推荐 / 不予推荐 at the reviewer's stage, within its quota, and the separate 签发 that locks it.</summary>
public class DecisionModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>The stage review's xmin when the page was shown (0: none yet), so a stale page cannot overwrite.</summary>
    [BindProperty] public uint Version { get; set; }

    public Application Application { get; private set; } = null!;
    public StagePosition Position { get; private set; } = null!;
    public QuotaStatus? Quota { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ShowSaved();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ReviewWorkflow.DecideAsync(db, Position, User.ToActor(),
            new DecisionInput(Decision ?? ReviewDecision.Undecided, Reason, Opinion, Version), clock.GetUtcNow());
        return await FinishAsync(id, outcome, $"已保存结论：{ReviewDecisionWords.Of(Decision ?? ReviewDecision.Undecided)}。签发前仍可修改。");
    }

    public async Task<IActionResult> OnPostSignOffAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            ShowSaved();
            return Page();
        }
        var outcome = await ReviewWorkflow.SignOffAsync(db, Position, User.ToActor(),
            new SignOffInput(Confirm, Version, User.DisplayName()), clock.GetUtcNow());
        var result = await FinishAsync(id, outcome, "已签发，本级结论已锁定。");
        if (!outcome.Succeeded)
        {
            // The decision form shows what is saved, not what the sign-off form did not post.
            ShowSaved();
        }
        return result;
    }

    private async Task<IActionResult> FinishAsync(Guid id, ReviewOutcome outcome, string notice)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("/Review/Applications/Decision", new { id });
        }
        ModelState.AddErrors(outcome.Errors, InputFor);
        // A refusal from the database clears the tracked entities: show the review as it now stands, and take its
        // current version, so saving again after reading it is a deliberate choice.
        await LoadAsync(id);
        ModelState.Remove(nameof(Version));
        Version = Position.Review?.Version ?? 0;
        return Page();
    }

    private void ShowSaved()
    {
        var review = Position.Review;
        Version = review?.Version ?? 0;
        Decision = review?.Decision is ReviewDecision.Recommend or ReviewDecision.NotRecommend ? review.Decision : null;
        Reason = review?.DecisionReason;
        Opinion = review?.Opinion;
        foreach (var key in new[] { nameof(Decision), nameof(Reason), nameof(Opinion) })
        {
            ModelState.Remove(key);
        }
    }

    private static string? InputFor(string key) => key switch
    {
        ReviewWorkflow.DecisionField => nameof(Decision),
        ReviewWorkflow.ReasonField => nameof(Reason),
        ReviewWorkflow.OpinionField => nameof(Opinion),
        ReviewWorkflow.ConfirmField => nameof(Confirm),
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id)
    {
        var viewer = User.ToViewer();
        var application = await db.Applications.FindVisibleAsync(viewer, id);
        if (application is null)
        {
            return false;
        }
        Application = application;
        Position = await StagePosition.LoadAsync(db, application, viewer);
        Quota = Position.Stage is { } stage
            ? await QuotaLedger.StatusAsync(db, application.CampaignId, stage, Position.Review?.OrganisationId ?? viewer.OrganisationId, viewer.RegionCode)
            : null;
        return true;
    }
}

/// <summary>
/// The shape of a posted decision: a known decision and texts within the length Core stores. Which decision needs which
/// text, the quota and the stage stay in <see cref="ReviewWorkflow"/>: the sign-off posts none of these fields.
/// </summary>
public class DecisionValidator : AbstractValidator<DecisionModel>
{
    public DecisionValidator()
    {
        RuleFor(m => m.Decision).Must(d => d is null or ReviewDecision.Recommend or ReviewDecision.NotRecommend)
            .WithMessage("请选择“推荐”或“不予推荐”。");
        RuleFor(m => m.Reason).Must(r => r is not { Length: > ReviewWorkflow.MaxTextLength })
            .WithMessage(m => $"理由不能超过 {ReviewWorkflow.MaxTextLength} 字（现有 {m.Reason!.Length} 字）。");
        RuleFor(m => m.Opinion).Must(o => o is not { Length: > ReviewWorkflow.MaxTextLength })
            .WithMessage(m => $"推荐意见不能超过 {ReviewWorkflow.MaxTextLength} 字（现有 {m.Opinion!.Length} 字）。");
    }
}
