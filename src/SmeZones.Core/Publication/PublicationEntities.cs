using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Publication;

/// <summary>The ministry's list for one round: the selection (建议名单), its 公示, and the 认定 that ends it.</summary>
public class PublicList
{
    public int CampaignId { get; set; }

    /// <summary>公示 notice text; null until published.</summary>
    public string? Notice { get; set; }
    public int WorkingDays { get; set; } = 5;

    /// <summary>First and last day of 公示 (Beijing dates, both included); objections are open between them.</summary>
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? CertifiedAt { get; set; }
    public DateOnly? CertifiedOn { get; set; }
    public uint Version { get; set; }

    public bool IsPublished => PublishedAt is not null;
    public bool IsCertified => CertifiedAt is not null;
}

/// <summary>One application considered for the list, with the ministry's 评审意见 and what became of it.</summary>
public class ListEntry
{
    public Guid Id { get; set; }
    public int CampaignId { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>Its place in the expert ranking when the selection was saved.</summary>
    public int Rank { get; set; }
    public bool Selected { get; set; }

    /// <summary>Why the selection departs from the ranking here (selected below an unselected one, or the reverse).</summary>
    public string? DepartureReason { get; set; }

    /// <summary>评审意见 of the ministry.</summary>
    public string? Opinion { get; set; }

    /// <summary>Why not selected; the province and applicant see it after 认定.</summary>
    public string? NotSelectedReason { get; set; }

    /// <summary>What the public sees, fixed when the list is published.</summary>
    public string Name { get; set; } = "";
    public string RegionName { get; set; } = "";
    public string OperatorName { get; set; } = "";
    public ListOutcome Outcome { get; set; }
    public string? OutcomeReason { get; set; }
}

public enum ListOutcome
{
    Pending = 0,

    /// <summary>Withdrawn after an upheld objection.</summary>
    Withdrawn = 1,
    Certified = 2,

    /// <summary>不予认定 (including those not selected).</summary>
    NotCertified = 3,
}

/// <summary>异议 lodged on the public page during 公示.</summary>
public class Objection
{
    public Guid Id { get; set; }
    public int CampaignId { get; set; }
    public Guid EntryId { get; set; }

    /// <summary>回执编号 given to the person objecting, e.g. YY-2026-8F3K2Q.</summary>
    public required string ReceiptNumber { get; set; }
    public required string SubmitterName { get; set; }
    public required string Contact { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset LodgedAt { get; set; }
    public ObjectionStatus Status { get; set; }
    public string? InvestigationNotes { get; set; }
    public string? ConclusionReason { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
    public List<ObjectionFile> Files { get; set; } = [];
    public uint Version { get; set; }

    public bool IsConcluded => Status is ObjectionStatus.Upheld or ObjectionStatus.Dismissed;
}

public enum ObjectionStatus
{
    Lodged = 0,
    Accepted = 1,
    Investigating = 2,
    Upheld = 3,
    Dismissed = 4,
}

/// <summary>Evidence sent with an objection, or an attachment of the ministry's 核查.</summary>
public class ObjectionFile
{
    public Guid Id { get; set; }
    public Guid ObjectionId { get; set; }
    public bool FromInvestigation { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A certified entry (认定): what the registry starts from.</summary>
public class Certification
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int CampaignId { get; set; }
    public required string CertificateNumber { get; set; }
    public DateOnly CertifiedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
}

/// <summary>Per-programme settings of the ministry's list; the certificate number format, e.g. 合作区〔{year}〕{n:000}号.</summary>
public class ProgrammeListSettings
{
    public Programme Programme { get; set; }
    public required string CertificateNumberFormat { get; set; }
}

public static class ListNames
{
    public static string ToChinese(this ObjectionStatus status) => status switch
    {
        ObjectionStatus.Lodged => "待受理",
        ObjectionStatus.Accepted => "已受理",
        ObjectionStatus.Investigating => "核查中",
        ObjectionStatus.Upheld => "异议成立",
        ObjectionStatus.Dismissed => "异议不成立",
        _ => status.ToString(),
    };

    public static string ToChinese(this ListOutcome outcome) => outcome switch
    {
        ListOutcome.Pending => "公示中",
        ListOutcome.Withdrawn => "异议成立，撤销",
        ListOutcome.Certified => "予以认定",
        ListOutcome.NotCertified => "不予认定",
        _ => outcome.ToString(),
    };

    /// <summary>Years of validity as the programme's form editions declare them (zones 5, clusters 3).</summary>
    public static int ValidityYears(this Programme programme) => programme.Words()?.ValidityYears ?? 3;

    /// <summary>The certificate number format the programme's form editions declare, e.g. 合作区〔{year}〕{n:000}号.</summary>
    public static string DefaultCertificateFormat(Programme programme) =>
        programme.Words()?.CertificateFormat ?? "〔{year}〕{n:000}号";
}
