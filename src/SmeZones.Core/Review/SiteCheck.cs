namespace SmeZones.Core.Review;

/// <summary>A 实地抽查 (on-site check) the reviewing authority made of an application's zone or cluster.</summary>
public class SiteCheck
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int StageOrder { get; set; }
    public int OrganisationId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public required string People { get; set; }
    public required string Findings { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<SiteCheckAttachment> Attachments { get; set; } = [];
}

/// <summary>A file recorded with an on-site check (photos, minutes); same content rules as evidence.</summary>
public class SiteCheckAttachment
{
    public Guid Id { get; set; }
    public Guid SiteCheckId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Bytes { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
