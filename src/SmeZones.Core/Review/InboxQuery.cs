using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Review;

/// <summary>How the inbox orders each round's applications.</summary>
public enum InboxSort
{
    SubmittedNewest,
    SubmittedOldest,
    Number,
    Title,
}

/// <summary>The inbox's filters as the query string carries them; every one optional.</summary>
public sealed record InboxFilter
{
    public int? CampaignId { get; init; }
    public ApplicationStatus? Status { get; init; }

    /// <summary>Only what waits at the viewer's own stage (待本级审核).</summary>
    public bool WaitingOnly { get; init; }

    /// <summary>Part of the number or the title, any case.</summary>
    public string? Search { get; init; }
    public InboxSort Sort { get; init; }

    /// <summary>The query-string names of the sort orders, as the page's select offers them.</summary>
    public static IReadOnlyList<(string Value, string Label, InboxSort Sort)> SortOptions { get; } =
    [
        ("submitted", "提交时间（最新在前）", InboxSort.SubmittedNewest),
        ("submitted-asc", "提交时间（最早在前）", InboxSort.SubmittedOldest),
        ("number", "申报编号", InboxSort.Number),
        ("title", "名称", InboxSort.Title),
    ];

    /// <summary>An unknown or missing value is the default order, never an error: a bookmarked URL keeps working.</summary>
    public static InboxSort ParseSort(string? value) =>
        SortOptions.FirstOrDefault(o => o.Value == value) is { Value: not null } option ? option.Sort : InboxSort.SubmittedNewest;

    public string SortValue => SortOptions.First(o => o.Sort == Sort).Value;
}

/// <summary>Where an application stands relative to the viewer's stage of its round.</summary>
public enum InboxPosition
{
    WaitingHere,
    Returned,
    MovedOn,
    Decided,
    AtLowerStage,
    NotInChain,
}

public static class InboxPositionNames
{
    public static string ToChinese(this InboxPosition position) => position switch
    {
        InboxPosition.WaitingHere => "待本级审核",
        InboxPosition.Returned => "已退回申报单位修改",
        InboxPosition.MovedOn => "已报送上级",
        InboxPosition.Decided => "本级已处理",
        InboxPosition.AtLowerStage => "下级审核中",
        InboxPosition.NotInChain => "本级不参与该批次审核",
        _ => position.ToString(),
    };
}

/// <summary>The assessment of the latest submission, in counts, as stored with it (<see cref="SubmissionSummary"/>).</summary>
public sealed record InboxAssessmentSummary(bool AllGatesMet, int Met, int NotMet, int DataMissing, int ReviewerJudgement, decimal? SuggestedTotal = null);

/// <summary>The viewer's stage review of an application, as far as it has gone.</summary>
public sealed record InboxReviewState(ReviewDecision Decision, DateTimeOffset? SignedOffAt);

public sealed record InboxRow(
    Guid Id, string Number, string Title, string Organisation, string Region, ApplicationStatus Status, InboxPosition Position,
    DateTimeOffset? SubmittedAt, InboxAssessmentSummary? Assessment, InboxReviewState? Review);

/// <summary>One round's applications on this page, under the name of the viewer's stage in it; <paramref name="Total"/> counts all pages.</summary>
public sealed record InboxGroup(int CampaignId, string CampaignName, string? StageName, IReadOnlyList<InboxRow> Rows, int Total);

/// <summary>One page (1-based) of the inbox: its rows grouped by round, newest round first.</summary>
public sealed record InboxPage(IReadOnlyList<InboxGroup> Groups, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The reviewing authority's inbox: the applications <see cref="ApplicationAccess.VisibleTo"/> lets the viewer reach,
/// newest round first, filtered, ordered and cut into pages of 50 in SQL, each with the assessment summary stored with
/// its latest submission (ADR 0072). Four queries whatever the count: counts per round, the page, its summaries, its rounds.
/// </summary>
public static class InboxQuery
{
    public const int PageSize = 50;

    /// <summary>ICU's Chinese collation orders by pinyin, as a Chinese reader expects (Debian's PostgreSQL has ICU).</summary>
    public const string ChineseCollation = "zh-Hans-CN-x-icu";

    /// <summary>The rounds that have anything for the viewer, newest first, for the filter.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> CampaignsAsync(PortalDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        var ids = db.Applications.VisibleTo(viewer).Select(a => a.CampaignId);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return campaigns.Select(c => (c.Id, c.Name)).ToList();
    }

    /// <summary>One page of the inbox; a page beyond the last is the last.</summary>
    public static async Task<InboxPage> PageAsync(PortalDbContext db, Viewer viewer, InboxFilter filter, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        var level = viewer.OrganisationLevel;
        var query = Filtered(db.Applications.AsNoTracking().VisibleTo(viewer), filter, level);
        var counts = await query.GroupBy(a => a.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = counts.Values.Sum();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        if (total == 0)
        {
            return new InboxPage([], 0, 1, PageSize);
        }

        var rows = await Sorted(query, filter.Sort).Skip((page - 1) * PageSize).Take(PageSize).Select(a => new
        {
            a.Id, a.Number, a.Title, Organisation = a.Organisation!.Name, a.RegionCode,
            a.Status, a.CurrentStageOrder, a.SubmittedAt, a.CampaignId,
            StageOrder = a.Campaign!.Stages.Where(s => s.Level == level).Select(s => (int?)s.Order).FirstOrDefault(),
            Review = db.StageReviews
                .Where(r => r.ApplicationId == a.Id && a.Campaign.Stages.Any(s => s.Level == level && s.Order == r.StageOrder))
                .Select(r => new InboxReviewState(r.Decision, r.SignedOffAt)).FirstOrDefault(),
        }).ToListAsync(ct);
        // The page's summaries by their ids (an index lookup each): taken in the page query, the latest per application
        // became a window over every stored summary.
        var ids = rows.Select(r => r.Id).ToList();
        var summaries = (await db.SubmissionSummaries.AsNoTracking().Where(s => ids.Contains(s.ApplicationId) && s.Assessed)
                .Select(s => new { s.ApplicationId, s.Sequence, Summary = new InboxAssessmentSummary(s.AllGatesMet, s.Met, s.NotMet, s.DataMissing, s.ReviewerJudgement, s.SuggestedTotal) })
                .ToListAsync(ct))
            .GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Sequence)!.Summary);

        var campaignIds = rows.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Stages).Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        // Rows come newest round first, so grouping keeps both the rounds' and the rows' order.
        var groups = rows.GroupBy(r => r.CampaignId).Select(group =>
        {
            var campaign = campaigns[group.Key];
            var items = group.Select(r => new InboxRow(r.Id, r.Number, r.Title, r.Organisation,
                RegionCatalogue.Instance.FullName(r.RegionCode) ?? r.RegionCode, r.Status,
                PositionOf(r.Status, r.CurrentStageOrder, r.StageOrder), r.SubmittedAt, summaries.GetValueOrDefault(r.Id), r.Review)).ToList();
            return new InboxGroup(campaign.Id, campaign.Name, campaign.StageFor(level)?.Name, items, counts.GetValueOrDefault(campaign.Id));
        }).ToList();
        return new InboxPage(groups, total, page, PageSize);
    }

    /// <summary>
    /// 待本级审核: submitted and held at the stage of <paramref name="level"/> in its round. The one definition the home
    /// page's count and the inbox's filter share, so the two always agree.
    /// </summary>
    public static IQueryable<Application> WaitingHere(IQueryable<Application> query, OrganisationLevel level) =>
        query.Where(a => a.Status == ApplicationStatus.Submitted && a.Campaign!.Stages.Any(s => s.Level == level && s.Order == a.CurrentStageOrder));

    /// <summary>How many applications the viewer reaches wait at its own stage.</summary>
    public static Task<int> CountWaitingAsync(PortalDbContext db, Viewer viewer, CancellationToken ct = default) =>
        WaitingHere(db.Applications.AsNoTracking().VisibleTo(viewer), viewer.OrganisationLevel).CountAsync(ct);

    /// <summary>Where the application is, seen from the viewer's stage (null when the round has no stage at the viewer's level).</summary>
    public static InboxPosition PositionOf(ApplicationStatus status, int currentStageOrder, int? viewerStageOrder) =>
        viewerStageOrder switch
        {
            null => InboxPosition.NotInChain,
            _ when status == ApplicationStatus.Returned => InboxPosition.Returned,
            { } own when currentStageOrder > own => InboxPosition.MovedOn,
            { } own when currentStageOrder == own && status == ApplicationStatus.Submitted => InboxPosition.WaitingHere,
            { } own when currentStageOrder == own => InboxPosition.Decided,
            _ when currentStageOrder > 0 => InboxPosition.AtLowerStage,
            _ => InboxPosition.Decided,
        };

    private static IQueryable<Application> Filtered(IQueryable<Application> query, InboxFilter filter, OrganisationLevel level)
    {
        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(a => a.CampaignId == campaignId);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (filter.WaitingOnly)
        {
            query = WaitingHere(query, level);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Numbers are upper case (HZQ-2026-0007); an officer types "hzq-2026" just as often. What is typed is matched
            // literally: % and _ are escaped, not wildcards.
            var pattern = "%" + filter.Search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.ILike(a.Number, pattern, @"\") || EF.Functions.ILike(a.Title, pattern, @"\"));
        }
        return query;
    }

    // Newest round first (the page groups by round), then the order asked for; the number breaks ties so pages are stable.
    // Numbers compare as written (C collation); titles in pinyin order.
    private static IQueryable<Application> Sorted(IQueryable<Application> query, InboxSort sort)
    {
        var byRound = query.OrderByDescending(a => a.CampaignId);
        return sort switch
        {
            InboxSort.SubmittedOldest => byRound.ThenBy(a => a.SubmittedAt == null).ThenBy(a => a.SubmittedAt).ThenBy(a => EF.Functions.Collate(a.Number, "C")),
            InboxSort.Number => byRound.ThenBy(a => EF.Functions.Collate(a.Number, "C")),
            InboxSort.Title => byRound.ThenBy(a => EF.Functions.Collate(a.Title, ChineseCollation)).ThenBy(a => EF.Functions.Collate(a.Number, "C")),
            _ => byRound.ThenBy(a => a.SubmittedAt == null).ThenByDescending(a => a.SubmittedAt).ThenBy(a => EF.Functions.Collate(a.Number, "C")),
        };
    }
}
