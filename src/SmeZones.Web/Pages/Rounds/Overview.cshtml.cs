using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Rounds;

/// <summary>
/// A round for its organiser: settings, state and the steps from there (publish, extend, raise quotas, end, copy),
/// and how it stands: applications by status and unit, quota use, time left, units not signed off yet.
/// </summary>
public class OverviewModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public RoundOverview Overview { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public bool HasNotice { get; private set; }
    [BindProperty] public RoundAmendment Amend { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Amend = RoundAmendment.Of(Campaign);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id) =>
        await ActAsync(id, () => RoundSetup.PublishAsync(db, Campaign, User.ToActor(), Now), "批次已发布，自开始受理时间起申报单位可以填报。");

    public async Task<IActionResult> OnPostEndAsync(int id) =>
        await ActAsync(id, () => RoundSetup.EndAsync(db, Campaign, User.ToActor(), Now), "批次已结束。");

    public async Task<IActionResult> OnPostAmendAsync(int id)
    {
        var posted = Amend;
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }
        return await ActAsync(id, () => RoundAmendments.AmendAsync(db, Campaign, posted, User.ToActor(), Now), "已保存变更，并记入操作记录。", "Amend.");
    }

    public async Task<IActionResult> OnGetNoticeAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var notice = await db.CampaignNotices.AsNoTracking().SingleOrDefaultAsync(n => n.CampaignId == id);
        return notice is null ? NotFound() : File(notice.Bytes, "application/pdf", notice.FileName);
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<RoundResult>> act, string done, string prefix = "")
    {
        var posted = Amend;
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var result = await act();
        if (result.Succeeded)
        {
            TempData["Notice"] = done;
            return RedirectToPage("/Rounds/Overview", new { id });
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? "" : prefix + error.PropertyName, error.ErrorMessage);
        }
        // A failed change leaves the round as it was in the database; show it so, with what was typed.
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        Amend = prefix == "" ? RoundAmendment.Of(Campaign) : posted;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        Now = clock.GetUtcNow();
        var campaign = await db.Campaigns.FindOrganisedAsync(User.ToViewer(), id);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Overview = await RoundOverview.LoadAsync(db, campaign);
        HasNotice = await db.CampaignNotices.AnyAsync(n => n.CampaignId == id);
        return true;
    }
}

/// <summary>An amendment names no more stages than a round has; the times and quotas are <see cref="RoundAmendments"/>' rules.</summary>
public class OverviewValidator : AbstractValidator<OverviewModel>
{
    public OverviewValidator() =>
        RuleFor(m => m.Amend.Stages.Count).LessThanOrEqualTo(EditValidator.MaxStages).OverridePropertyName("")
            .WithMessage($"审核环节不能超过 {EditValidator.MaxStages} 个。");
}
