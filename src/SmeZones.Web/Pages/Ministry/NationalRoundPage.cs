using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;

namespace SmeZones.Web.Pages.Ministry;

/// <summary>What the ministry's national pages share: the round chosen by ?campaignId= among the national rounds.</summary>
public abstract class NationalRoundPage(PortalDbContext db) : PageModel
{
    protected PortalDbContext Db => db;

    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }

    public IReadOnlyList<NationalRound> Rounds { get; private set; } = [];

    /// <summary>The chosen round; without a choice, the newest national round.</summary>
    public NationalRound? Round { get; private set; }

    /// <summary>False when the id names no national round (the page answers 404).</summary>
    protected async Task<bool> LoadRoundAsync()
    {
        Rounds = await NationalRound.AllAsync(db, HttpContext.RequestAborted);
        var requested = CampaignId;
        Round = requested is { } id ? Rounds.SingleOrDefault(r => r.Campaign.Id == id) : (Rounds.Count > 0 ? Rounds[0] : null);
        CampaignId = Round?.Campaign.Id;
        return Round is not null || requested is null;
    }
}
