using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;

namespace SmeZones.Web.Pages.Ministry.List;

/// <summary>
/// What the pages of one round's list (select, publish, objections, certify) share: the round named by
/// ?campaignId= among the ministry's rounds, then whatever the page adds in <see cref="OnLoadedAsync"/>.
/// </summary>
public abstract class MinistryListPage(PortalDbContext db) : PageModel
{
    protected PortalDbContext Db => db;

    [BindProperty(SupportsGet = true)] public int CampaignId { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    /// <returns>false when the id names none of the ministry's rounds (the page answers 404).</returns>
    protected async Task<bool> LoadAsync()
    {
        var campaign = (await IndexModel.MinistryRoundsAsync(db)).SingleOrDefault(c => c.Id == CampaignId);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        await OnLoadedAsync(HttpContext.RequestAborted);
        return true;
    }

    /// <summary>Loads what the page shows of the round; <see cref="Campaign"/> is set.</summary>
    protected abstract Task OnLoadedAsync(CancellationToken ct);
}
