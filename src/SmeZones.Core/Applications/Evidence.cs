namespace SmeZones.Core.Applications;

/// <summary>A file attached as 佐证材料 to one slot of an application. Bytes live in <see cref="EvidenceContent"/>.</summary>
public class Evidence
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Application? Application { get; set; }

    /// <summary>The definition's evidence slot, e.g. "1" for 佐证材料 1.</summary>
    public required string SlotKey { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public EvidenceContent? Content { get; set; }
}

/// <summary>The bytes of an evidence file, apart so lists never load them.</summary>
public class EvidenceContent
{
    public Guid EvidenceId { get; set; }
    public required byte[] Bytes { get; set; }
}
