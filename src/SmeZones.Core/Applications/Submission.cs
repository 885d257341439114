namespace SmeZones.Core.Applications;

/// <summary>
/// An immutable record of what was submitted: the definition copy, the answers and the evidence hashes,
/// as canonical JSON with its SHA-256. The database refuses updates and deletes of this table.
/// </summary>
public class Submission
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>1 for the first submission, 2 after a return and resubmission, …</summary>
    public int Sequence { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Guid SubmittedById { get; set; }

    /// <summary>The exact text that was hashed.</summary>
    public required string CanonicalJson { get; set; }
    public required string Sha256 { get; set; }
}
