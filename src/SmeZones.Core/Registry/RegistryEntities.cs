using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Registry;

/// <summary>
/// One certified zone or cluster in the 名录: what it is called, where it is, who runs it, and how long its status
/// holds. Created at 认定 (or imported for entries certified before the portal); changed only through approved 变更,
/// re-review, 撤销 or 注销, each leaving a <see cref="RegistryChange"/>. Annual reports hang off <see cref="Id"/>.
/// </summary>
public class RegistryEntry
{
    public Guid Id { get; set; }
    public required string CertificateNumber { get; set; }
    public Programme Programme { get; set; }
    public required string Name { get; set; }

    /// <summary>The region and its jurisdiction codes, so access checks are plain comparisons as for applications.</summary>
    public required string RegionCode { get; set; }
    public required string PrefectureCode { get; set; }
    public required string ProvincialUnitCode { get; set; }

    /// <summary>运营管理机构.</summary>
    public required string OperatorName { get; set; }

    /// <summary>空间范围 as last approved; null until a change or an import states it.</summary>
    public string? SpatialArea { get; set; }

    /// <summary>The applicant authority (申报主体) that holds the entry and files its changes; null when none is known.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>The round and application it came from; null for imported entries.</summary>
    public int? CampaignId { get; set; }
    public Guid? ApplicationId { get; set; }

    public DateOnly CertifiedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public RegistryStatus Status { get; set; }

    /// <summary>撤销 / 注销: the effective date, the grounds of 第十一条 (e.g. "1,4") and the text.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>
    /// An approved 撤销 or 注销 whose effective date (<see cref="EndedOn"/>) is still ahead: the entry keeps its status
    /// until then and the daily registry job moves it to this one. Null when nothing is pending.
    /// </summary>
    public RegistryStatus? EndingStatus { get; set; }
    public string? RevocationGrounds { get; set; }
    public string? EndReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: a change based on a stale read is refused.</summary>
    public uint Version { get; set; }

    public bool IsActive => Status is RegistryStatus.Valid or RegistryStatus.ExpiredAwaitingReview or RegistryStatus.ReviewPassed;

    /// <summary>What the public list shows: valid now, not awaiting re-review, not revoked or cancelled.</summary>
    public bool IsPublic => Status is RegistryStatus.Valid or RegistryStatus.ReviewPassed;
}

public enum RegistryStatus
{
    Valid = 0,
    ExpiredAwaitingReview = 1,
    ReviewPassed = 2,
    Revoked = 3,
    Cancelled = 4,
}

/// <summary>One line of an entry's history: a field's old and new value from an effective date, who, when and why. Append-only.</summary>
public class RegistryChange
{
    public long Id { get; set; }
    public Guid EntryId { get; set; }

    /// <summary>One of <see cref="RegistryFields"/>.</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid? ChangedById { get; set; }
    public required string ChangedBy { get; set; }
    public string? Reason { get; set; }
}

public static class RegistryFields
{
    public const string Created = "created";
    public const string Name = "name";
    public const string SpatialArea = "area";
    public const string Operator = "operator";
    public const string Status = "status";
    public const string ValidUntil = "validUntil";

    public static string ToChinese(string field) => field switch
    {
        Created => "列入名录",
        Name => "名称",
        SpatialArea => "空间范围",
        Operator => "运营管理机构",
        Status => "状态",
        ValidUntil => "有效期至",
        _ => field,
    };
}

/// <summary>
/// A request about an entry filed by its applicant authority: a 变更 of name, spatial area or operator (第十条), or
/// 注销 at the holder's request. The province checks it (初审: return or forward); the ministry decides (审定).
/// </summary>
public class RegistryRequest
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public RegistryRequestKind Kind { get; set; }

    /// <summary>The new name, area or operator; null for 注销.</summary>
    public string? NewValue { get; set; }

    /// <summary>The date the change happened (变更), or the date 注销 is asked to take effect.</summary>
    public DateOnly ChangedOn { get; set; }
    public required string Reason { get; set; }

    /// <summary>Filed after the 30th working day from <see cref="ChangedOn"/> (第十一条（四）); allowed but flagged.</summary>
    public bool FiledLate { get; set; }
    public DateOnly? Deadline { get; set; }

    public RegistryRequestStatus Status { get; set; }
    public string? ProvinceComment { get; set; }
    public string? MinistryComment { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public Guid? FiledById { get; set; }
    public DateTimeOffset? ForwardedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public string? EvidenceSha256 { get; set; }
    public byte[]? EvidenceBytes { get; set; }

    public uint Version { get; set; }

    public bool IsOpen => Status is RegistryRequestStatus.WithProvince or RegistryRequestStatus.WithMinistry;
}

public enum RegistryRequestKind
{
    Name = 1,
    SpatialArea = 2,
    Operator = 3,
    Cancellation = 4,
}

public enum RegistryRequestStatus
{
    WithProvince = 0,
    WithMinistry = 1,
    Approved = 2,
    Returned = 3,
}
