namespace SmeZones.Core.Registry;

/// <summary>
/// One 年度发展报告 of a registry entry for one year (管理办法 第八条), filled by the entry's holder with the programme's
/// annual report form (a form edition of kind <c>annualReport</c>), checked by the province and accepted by the ministry.
/// The answers are the live draft; what was submitted is kept, immutable, in <see cref="AnnualReportSubmission"/>.
/// </summary>
public class AnnualReport
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }

    /// <summary>The year reported on (the report for 2026 is due in 2027).</summary>
    public int Year { get; set; }
    public required string FormEditionKey { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    public AnnualReportStatus Status { get; set; }

    /// <summary>The first submission (on time or not is judged by it); later ones after a return keep it.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }
    public bool SubmittedLate { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Submissions { get; set; }

    public string? ProvinceComment { get; set; }
    public string? MinistryComment { get; set; }
    public DateTimeOffset? ForwardedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public string? EvidenceSha256 { get; set; }
    public byte[]? EvidenceBytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: a save or a step based on a stale read is refused.</summary>
    public uint Version { get; set; }

    public bool IsEditableByHolder => Status is AnnualReportStatus.Draft or AnnualReportStatus.Returned;
}

public enum AnnualReportStatus
{
    Draft = 0,
    WithProvince = 1,
    WithMinistry = 2,
    Accepted = 3,
    Returned = 4,
}

/// <summary>What was submitted, as canonical JSON with its hash (definition copy, answers, evidence hash). Append-only.</summary>
public class AnnualReportSubmission
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public required string CanonicalJson { get; set; }
    public required string Sha256 { get; set; }
}

/// <summary>A reminder or overdue notice sent for an entry's report of a year: one row per kind, so a rerun sends nothing.</summary>
public class AnnualReportNotice
{
    public long Id { get; set; }
    public Guid EntryId { get; set; }
    public int Year { get; set; }

    /// <summary><c>due30</c>, <c>due7</c> (days before the deadline) or <c>overdue</c>.</summary>
    public required string Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

public static class AnnualReportNames
{
    public static string ToChinese(this AnnualReportStatus status) => status switch
    {
        AnnualReportStatus.Draft => "填报中",
        AnnualReportStatus.WithProvince => "待省级审核",
        AnnualReportStatus.WithMinistry => "待部级审核",
        AnnualReportStatus.Accepted => "已接收",
        AnnualReportStatus.Returned => "已退回修改",
        _ => status.ToString(),
    };

    /// <summary>第十一条（二）: 不报送上一年度发展报告的.</summary>
    public const int MissingReportGround = 2;
}
