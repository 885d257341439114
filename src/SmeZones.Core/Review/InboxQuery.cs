using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
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

/// <summary>The assessment of the latest submission, in counts.</summary>
public sealed record InboxAssessmentSummary(bool AllGatesMet, int Met, int NotMet, int DataMissing, int ReviewerJudgement);

/// <summary>The viewer's stage review of an application, as far as it has gone.</summary>
public sealed record InboxReviewState(ReviewDecision Decision, DateTimeOffset? SignedOffAt);

public sealed record InboxRow(
    Guid Id, string Number, string Title, string Organisation, string Region, ApplicationStatus Status, InboxPosition Position,
    DateTimeOffset? SubmittedAt, InboxAssessmentSummary? Assessment, InboxReviewState? Review);

/// <summary>One round's applications, under the name of the viewer's stage in it.</summary>
public sealed record InboxGroup(int CampaignId, string CampaignName, string? StageName, IReadOnlyList<InboxRow> Rows);

/// <summary>
/// The reviewing authority's inbox: the applications <see cref="ApplicationAccess.VisibleTo"/> lets the viewer reach,
/// grouped by round, each with an assessment of its latest submission. A constant number of queries whatever the
/// count (applications with their review state; latest submissions; rounds; province figures); the assessments are
/// computed in memory.
/// </summary>
public static class InboxQuery
{
    private static readonly StringComparer ChineseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);

    /// <summary>The rounds that have anything for the viewer, newest first, for the filter.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> CampaignsAsync(PortalDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        var ids = db.Applications.VisibleTo(viewer).Select(a => a.CampaignId);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return campaigns.Select(c => (c.Id, c.Name)).ToList();
    }

    public static async Task<IReadOnlyList<InboxGroup>> ListAsync(PortalDbContext db, Viewer viewer, InboxFilter filter, CancellationToken ct = default)
    {
        var level = viewer.OrganisationLevel;
        var query = Filtered(db.Applications.AsNoTracking().VisibleTo(viewer), filter, level);
        var rows = await query.Select(a => new
        {
            a.Id, a.Number, a.Title, Organisation = a.Organisation!.Name, a.RegionCode, a.ProvincialUnitCode,
            a.Status, a.CurrentStageOrder, a.SubmittedAt, a.CampaignId,
            StageOrder = a.Campaign!.Stages.Where(s => s.Level == level).Select(s => (int?)s.Order).FirstOrDefault(),
            Review = db.StageReviews
                .Where(r => r.ApplicationId == a.Id && a.Campaign.Stages.Any(s => s.Level == level && s.Order == r.StageOrder))
                .Select(r => new InboxReviewState(r.Decision, r.SignedOffAt)).FirstOrDefault(),
        }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        // The latest submission of each: the one no later sequence of the same application follows.
        var snapshots = (await db.Submissions.AsNoTracking()
                .Where(s => query.Any(a => a.Id == s.ApplicationId)
                    && s.Sequence == db.Submissions.Where(t => t.ApplicationId == s.ApplicationId).Max(t => t.Sequence))
                .Select(s => new { s.ApplicationId, s.CanonicalJson }).ToListAsync(ct))
            .ToDictionary(s => s.ApplicationId, s => SubmissionSnapshot.Parse(s.CanonicalJson));
        var campaignIds = rows.Select(r => r.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Stages).Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var figures = await db.ProvinceReferenceFigures.AsNoTracking().Where(f => campaignIds.Contains(f.CampaignId))
            .ToDictionaryAsync(f => (f.CampaignId, f.RegionCode), ct);

        return rows.GroupBy(r => r.CampaignId).OrderByDescending(g => g.Key).Select(group =>
        {
            var campaign = campaigns[group.Key];
            var items = group.Select(r =>
            {
                var summary = snapshots.TryGetValue(r.Id, out var snapshot)
                    ? Summarise(campaign, snapshot, ApplicationAssessment.SettingsFor(campaign, r.RegionCode, figures.GetValueOrDefault((campaign.Id, r.ProvincialUnitCode))))
                    : null;
                return new InboxRow(r.Id, r.Number, r.Title, r.Organisation, RegionCatalogue.Instance.FullName(r.RegionCode) ?? r.RegionCode,
                    r.Status, PositionOf(r.Status, r.CurrentStageOrder, r.StageOrder), r.SubmittedAt, summary, r.Review);
            });
            return new InboxGroup(campaign.Id, campaign.Name, campaign.StageFor(level)?.Name, Sorted(items, filter.Sort));
        }).ToList();
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

    private static InboxAssessmentSummary? Summarise(Campaign campaign, SubmissionSnapshot snapshot, AssessmentSettings settings) =>
        ApplicationAssessment.TryAssess(campaign, snapshot.Definition, new FormAnswers(snapshot.Answers), settings) is { } assessment
            ? new InboxAssessmentSummary(assessment.AllGatesMet, assessment.Summary.Met, assessment.Summary.NotMet,
                assessment.Summary.DataMissing, assessment.Summary.ReviewerJudgement)
            : null;

    // Titles in the order a Chinese reader expects (pinyin, as zh-CN collates), numbers as written.
    private static List<InboxRow> Sorted(IEnumerable<InboxRow> rows, InboxSort sort) => sort switch
    {
        InboxSort.SubmittedOldest => [.. rows.OrderBy(r => r.SubmittedAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal)],
        InboxSort.Number => [.. rows.OrderBy(r => r.Number, StringComparer.Ordinal)],
        InboxSort.Title => [.. rows.OrderBy(r => r.Title, ChineseOrder).ThenBy(r => r.Number, StringComparer.Ordinal)],
        _ => [.. rows.OrderByDescending(r => r.SubmittedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Number, StringComparer.Ordinal)],
    };
}
