using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Review;

/// <summary>
/// The reviewing authority's inbox: every application in its jurisdiction that has reached its level, by round, with
/// where it stands and an assessment of its latest submission. Filters and order are GET parameters, so a filtered
/// list is a link that works without JavaScript and can be bookmarked.
/// </summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "campaign")] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "waiting")] public bool WaitingOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];
    public InboxPage Result { get; private set; } = new([], 0, 1, InboxQuery.PageSize);
    public InboxFilter Filter { get; private set; } = new();

    /// <summary>The statuses a reviewer can meet (drafts never reach the inbox).</summary>
    public static IReadOnlyList<ApplicationStatus> Statuses { get; } = [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)];

    public bool IsFiltered => Filter.CampaignId is not null || Filter.Status is not null || Filter.WaitingOnly || !string.IsNullOrWhiteSpace(Filter.Search);

    public async Task OnGetAsync()
    {
        // A value that does not parse (a hand-edited URL) filters nothing rather than failing the page.
        Filter = new InboxFilter
        {
            CampaignId = CampaignId,
            Status = Enum.TryParse<ApplicationStatus>(Status, out var status) && Statuses.Contains(status) ? status : null,
            WaitingOnly = WaitingOnly,
            Search = Search?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 100)] : null,
            Sort = InboxFilter.ParseSort(Sort),
        };
        var viewer = User.ToViewer();
        Campaigns = await InboxQuery.CampaignsAsync(db, viewer, HttpContext.RequestAborted);
        Result = await InboxQuery.PageAsync(db, viewer, Filter, PageNumber, HttpContext.RequestAborted);
        PageNumber = Result.Page;
        WaitingCount = await InboxQuery.CountWaitingAsync(db, viewer, HttpContext.RequestAborted);
        Deadlines = await StageDeadlines.ForLevelAsync(db, viewer.OrganisationLevel, Campaigns.Select(c => c.Id), HttpContext.RequestAborted);
    }

    /// <summary>This inbox with the same filters and another page.</summary>
    public string? PageUrl(int page) => Url.Page("/Review/Index", new
    {
        campaign = Filter.CampaignId, status = Filter.Status?.ToString(), waiting = Filter.WaitingOnly ? "true" : null, q = Filter.Search,
        sort = Filter.Sort == InboxSort.SubmittedNewest ? null : Filter.SortValue, p = page,
    });

    /// <summary>待本级审核, counted as the home page counts it.</summary>
    public int WaitingCount { get; private set; }

    /// <summary>
    /// Rounds whose review chain has no stage at the viewer's level (the ministry and a province's own 复核 round): listed
    /// apart, read-only, never as waiting here (ADR 0058).
    /// </summary>
    public IEnumerable<InboxGroup> OutsideChain => Result.Groups.Where(g => g.StageName is null);

    public IEnumerable<InboxGroup> InChain => Result.Groups.Where(g => g.StageName is not null);

    /// <summary>The viewer's stage deadline per round.</summary>
    public IReadOnlyDictionary<int, StageDeadline> Deadlines { get; private set; } = new Dictionary<int, StageDeadline>();
}
