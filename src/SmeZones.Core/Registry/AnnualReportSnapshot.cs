using System.Text.Json;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Registry;

/// <summary>
/// What a holder submitted as its annual report, complete enough to be read and printed forever: the form definition
/// copy, the answers and the evidence hash. Canonical JSON (no whitespace, answers sorted) is what is hashed.
/// </summary>
public sealed record AnnualReportSnapshot
{
    public required Guid ReportId { get; init; }
    public required string CertificateNumber { get; init; }
    public required string EntryName { get; init; }
    public required int Year { get; init; }
    public required int Sequence { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public required FormDefinition Definition { get; init; }
    public required SortedDictionary<string, string> Answers { get; init; }
    public string? EvidenceFileName { get; init; }
    public string? EvidenceSha256 { get; init; }

    private static readonly JsonSerializerOptions Options = new(FormDefinitionJson.Options) { WriteIndented = false };

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Options);

    public static AnnualReportSnapshot Parse(string canonicalJson) =>
        JsonSerializer.Deserialize<AnnualReportSnapshot>(canonicalJson, Options) ?? throw new InvalidOperationException("Empty snapshot.");

    /// <summary>The same SHA-256 of the canonical text as an application's submission, so one check verifies both.</summary>
    public static string HashOf(string canonicalJson) => Applications.SubmissionSnapshot.HashOf(canonicalJson);
}
