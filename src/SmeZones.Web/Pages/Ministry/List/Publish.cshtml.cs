using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>公示: the notice, the first day and the period in working days; the last day is computed from the calendar.</summary>
public class PublishModel(PortalDbContext db, TimeProvider clock) : MinistryListPage(db)
{
    [BindProperty] public string? Notice { get; set; }
    [BindProperty] public int WorkingDays { get; set; } = Announcement.DefaultWorkingDays;
    [BindProperty] public DateOnly? FirstDay { get; set; }

    public PublicList? List { get; private set; }
    public int SelectedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        FirstDay = DateOnly.FromDateTime(ChinaTime.ToChina(clock.GetUtcNow()).DateTime);
        Notice = List?.Notice ?? $"根据《{Campaign.Programme.ToChinese()}认定有关工作安排》，经各省级中小企业主管部门组织申报推荐和专家评审，"
            + $"拟将以下{SelectedCount}个{Campaign.Programme.ToChinese()}列入{Campaign.Year}年度认定名单，现予以公示。";
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
        var errors = await Announcement.PublishAsync(Db, CampaignId, Notice, WorkingDays, FirstDay!.Value, User.ToActor(), clock.GetUtcNow(), ct);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Notice"] = "建议名单已公示。";
        return RedirectToPage("/Ministry/List/Publish", new { campaignId = CampaignId });
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        List = await Db.PublicLists.AsNoTracking().SingleOrDefaultAsync(l => l.CampaignId == CampaignId, ct);
        SelectedCount = await Db.ListEntries.CountAsync(e => e.CampaignId == CampaignId && e.Selected, ct);
    }
}

/// <summary>The notice, period and first day by Core's own rule (<see cref="Announcement.CheckInput"/>), today in Beijing.</summary>
public class PublishValidator : AbstractValidator<PublishModel>
{
    public PublishValidator(TimeProvider clock)
    {
        RuleFor(m => m.FirstDay).NotNull().WithMessage("请填写公示首日（格式：2026-12-01）。");
        RuleFor(m => m).Custom((m, context) =>
        {
            var today = DateOnly.FromDateTime(ChinaTime.ToChina(clock.GetUtcNow()).DateTime);
            foreach (var error in Announcement.CheckInput(m.Notice, m.WorkingDays, m.FirstDay ?? today, today))
            {
                context.AddFailure(error.Key, error.Message);
            }
        });
    }
}
