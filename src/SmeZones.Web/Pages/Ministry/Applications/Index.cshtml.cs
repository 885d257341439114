using Microsoft.AspNetCore.Mvc;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Regions;

namespace SmeZones.Web.Pages.Ministry.Applications;

/// <summary>
/// The recommended applications of a national round (部级), 50 to a page, filtered by provincial unit, region class,
/// assessment verdict and review state. Unknown filter values are ignored rather than refused: a bookmarked URL keeps working.
/// </summary>
public class IndexModel(PortalDbContext db) : NationalRoundPage(db)
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "class")] public string? RegionClassValue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verdict { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public NationalPage? Result { get; private set; }

    public static IReadOnlyList<Region> Units { get; } =
        [.. RegionCatalogue.Instance.All.Where(r => r.IsProvincialUnit).OrderBy(r => r.Code, StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadRoundAsync())
        {
            return NotFound();
        }
        if (Round is null)
        {
            return Page();
        }
        var filter = new NationalFilter(
            Units.Any(u => u.Code == Unit) ? Unit : null,
            Enum.TryParse<RegionClass>(RegionClassValue, out var regionClass) && Enum.IsDefined(regionClass) ? regionClass : null,
            Enum.TryParse<AssessmentVerdict>(Verdict, out var verdict) && Enum.IsDefined(verdict) ? verdict : null,
            Enum.TryParse<NationalReviewState>(State, out var state) && Enum.IsDefined(state) ? state : null);
        Unit = filter.ProvincialUnit;
        RegionClassValue = filter.RegionClass?.ToString();
        Verdict = filter.Verdict?.ToString();
        State = filter.State?.ToString();
        Result = await NationalRecommendations.PageAsync(Db, Round, filter, PageNumber, HttpContext.RequestAborted);
        PageNumber = Result.Page;
        return Page();
    }

    /// <summary>This list's URL with the current filters and another page.</summary>
    public string PageUrl(int page) =>
        $"/Ministry/Applications?campaignId={CampaignId}&unit={Unit}&class={RegionClassValue}&verdict={Verdict}&state={State}&p={page}";
}
