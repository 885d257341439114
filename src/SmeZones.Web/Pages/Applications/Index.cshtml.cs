using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications;

/// <summary>The applicant's applications, and the rounds it can start one in.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Application> Applications { get; private set; } = [];
    public IReadOnlyList<Campaign> OpenCampaigns { get; private set; } = [];

    /// <summary>The round to start an application in.</summary>
    [BindProperty] public int? CampaignId { get; set; }

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        var now = clock.GetUtcNow();
        Applications = await db.Applications.AsNoTracking().VisibleTo(viewer).Include(a => a.Campaign)
            .OrderByDescending(a => a.UpdatedAt).ToListAsync();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == viewer.OrganisationId);
        var open = await db.Campaigns.AsNoTracking().Include(c => c.Organiser)
            .Where(c => c.Status == CampaignStatus.Published && c.OpensAt <= now && c.ClosesAt > now).OrderBy(c => c.ClosesAt).ToListAsync();
        OpenCampaigns = open.Where(c => c.CanApply(organisation)).ToList();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        var campaignId = CampaignId!.Value;
        var viewer = User.ToViewer();
        var now = clock.GetUtcNow();
        var campaign = await db.Campaigns.Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == campaignId);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == viewer.OrganisationId);
        if (campaign is null || campaign.Status == CampaignStatus.Draft || !campaign.CanApply(organisation))
        {
            return NotFound();
        }
        if (!campaign.IsOpenAt(now))
        {
            TempData["Notice"] = $"该批次已于 {ChinaTime.Format(campaign.ClosesAt)} 截止，不能再新建申报。";
            return RedirectToPage();
        }
        var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, User.ToActor(), now);
        return RedirectToPage("/Applications/Detail", new { id = application.Id });
    }
}

/// <summary>A start names a round by a positive id; whether the applicant may apply there is the handler's question.</summary>
public class StartValidator : AbstractValidator<IndexModel>
{
    public StartValidator() => RuleFor(m => m.CampaignId).NotNull().GreaterThan(0).WithMessage("请选择要申报的批次。");
}
