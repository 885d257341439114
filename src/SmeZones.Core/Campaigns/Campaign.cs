using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>A round of applications (申报批次): one programme, one year, one organiser, one chain of review stages.</summary>
public class Campaign
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Programme Programme { get; set; }
    public int Year { get; set; }
    public int OrganiserId { get; set; }
    public Organisation? Organiser { get; set; }
    public required string FormEditionKey { get; set; }
    public required string CriteriaEditionKey { get; set; }

    /// <summary>Who applies: prefecture-level authorities for zones, county-level for clusters.</summary>
    public OrganisationLevel ApplicantLevel { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>The deadline as the official notice states it, kept beside the portal's own closing time.</summary>
    public string? OfficialDeadline { get; set; }
    public string? OfficialNotice { get; set; }

    public List<ReviewStage> Stages { get; set; } = [];

    /// <summary>
    /// The round's relaxation for 中西部/东北 (zones) or 西部 (clusters): the standards say "适当放宽" without numbers,
    /// so the organiser sets which thresholds and to what (criteria threshold key → relaxed value).
    /// </summary>
    public Dictionary<string, decimal> Relaxations { get; set; } = [];

    /// <summary>Which region classes the relaxation applies to (RegionClass names, e.g. "West").</summary>
    public List<string> RelaxedRegionClasses { get; set; } = [];

    /// <summary>
    /// Rounds made in code (tests, older seeds) are live as they stand; the round editor and the create-round verb
    /// always start a round as <see cref="CampaignStatus.Draft"/> and publish it explicitly.
    /// </summary>
    public CampaignStatus Status { get; set; } = CampaignStatus.Published;

    /// <summary>The closing time as published; a later <see cref="ClosesAt"/> is an extension shown to applicants.</summary>
    public DateTimeOffset? PublishedClosesAt { get; set; }

    /// <summary>The 简介's length limit for the 推荐汇总表, as the notice sets it (e.g. 300字以内).</summary>
    public int IntroMaxChars { get; set; } = 300;

    /// <summary>
    /// A re-review round (复核, 第九条): the registry entries (期满待复核) it re-reviews. Publishing creates one prefilled
    /// application per entry for its holder; nobody else applies in such a round. Empty for an ordinary round.
    /// </summary>
    public List<Guid> ReReviewEntryIds { get; set; } = [];

    public bool IsReReview => ReReviewEntryIds.Count > 0;

    public bool IsOpenAt(DateTimeOffset now) => Status == CampaignStatus.Published && now >= OpensAt && now < ClosesAt;

    /// <summary>草稿 → 已发布 → 已截止 (a published round past its closing time) → 已结束.</summary>
    public RoundState StateAt(DateTimeOffset now) => Status switch
    {
        CampaignStatus.Draft => RoundState.Draft,
        CampaignStatus.Ended => RoundState.Ended,
        _ => now >= ClosesAt ? RoundState.Closed : RoundState.Published,
    };

    /// <summary>"截止时间已延长至 …" once the closing time was moved after publication; null otherwise.</summary>
    public string? ExtensionNotice =>
        PublishedClosesAt is { } published && ClosesAt > published ? $"截止时间已延长至 {ChinaTime.Format(ClosesAt)}" : null;

    public ReviewStage? Stage(int order) => Stages.FirstOrDefault(s => s.Order == order);

    public ReviewStage? FirstStage => Stages.OrderBy(s => s.Order).FirstOrDefault();

    public ReviewStage? StageAfter(int order) => Stages.Where(s => s.Order > order).OrderBy(s => s.Order).FirstOrDefault();

    public ReviewStage? StageFor(OrganisationLevel level) => Stages.FirstOrDefault(s => s.Level == level);
}

/// <summary>What is stored; 已截止 follows from the closing time and is not stored.</summary>
public enum CampaignStatus
{
    Draft = 1,
    Published = 2,
    Ended = 3,
}

public enum RoundState
{
    Draft,
    Published,
    Closed,
    Ended,
}

public static class RoundStateNames
{
    public static string ToChinese(this RoundState state) => state switch
    {
        RoundState.Draft => "草稿",
        RoundState.Published => "已发布",
        RoundState.Closed => "已截止",
        RoundState.Ended => "已结束",
        _ => state.ToString(),
    };
}

/// <summary>The programmes the portal serves; a round and a form edition each belong to one.</summary>
public enum Programme
{
    /// <summary>中外中小企业合作区</summary>
    Zone = 1,
    /// <summary>中小企业特色产业集群</summary>
    Cluster = 2,
    /// <summary>中小企业特色产业集群复核</summary>
    ClusterReview = 3,
}

/// <summary>
/// A programme's words come from its form editions' declarations (<see cref="Forms.ProgrammeWords"/>), the newest
/// edition's where several declare them, so no C# names a programme (ADR 0036).
/// </summary>
public static class ProgrammeNames
{
    /// <summary>The words of the programme's newest form edition; null when the catalogue has no edition of it.</summary>
    public static Forms.ProgrammeWords? Words(this Programme programme) =>
        Forms.FormEditionCatalogue.Default.All.Where(f => f.Programme == programme && f.Edition is not null)
            .OrderByDescending(f => f.RoundYear).ThenByDescending(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Edition!.Words).FirstOrDefault();

    /// <summary>e.g. 中外中小企业合作区.</summary>
    public static string ToChinese(this Programme programme) => programme.Words()?.Programme ?? programme.ToString();

    /// <summary>Prefix of application numbers, so a number says its programme at a glance.</summary>
    public static string NumberPrefix(this Programme programme) => programme.Words()?.NumberPrefix ?? "APP";
}
