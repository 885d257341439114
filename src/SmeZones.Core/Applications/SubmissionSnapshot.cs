using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>One evidence file as the snapshot records it: enough to prove later which bytes were submitted.</summary>
public sealed record SnapshotEvidence(string SlotKey, string FileName, long SizeBytes, string Sha256);

/// <summary>
/// What was submitted, complete enough to be read forever: the form definition copy, the answers and the evidence
/// hashes. Its canonical JSON (fixed property order, answers sorted by key, no whitespace) is what is hashed.
/// </summary>
public sealed record SubmissionSnapshot
{
    public required Guid ApplicationId { get; init; }
    public required string ApplicationNumber { get; init; }
    public required int Sequence { get; init; }
    public required string CampaignName { get; init; }
    public required int RoundYear { get; init; }
    public required string Organisation { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public required FormDefinition Definition { get; init; }
    public required SortedDictionary<string, string> Answers { get; init; }
    public required IReadOnlyList<SnapshotEvidence> Evidence { get; init; }

    private static readonly JsonSerializerOptions Options = new(FormDefinitionJson.Options) { WriteIndented = false };

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Options);

    public static SubmissionSnapshot Parse(string canonicalJson) =>
        JsonSerializer.Deserialize<SubmissionSnapshot>(canonicalJson, Options)
        ?? throw new InvalidOperationException("Empty snapshot.");

    public static string HashOf(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>True when the stored text still hashes to the stored hash: nothing was altered since submission.</summary>
    public static bool Verify(Submission submission) => HashOf(submission.CanonicalJson) == submission.Sha256;

    /// <summary>The short form printed on every PDF page, so a stamped paper copy can be matched to the record.</summary>
    public static string Fingerprint(string sha256) => sha256[..16];
}
