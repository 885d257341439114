namespace SmeZones.Core.Campaigns;

/// <summary>The round's official notice (通知) as a PDF, checked by content like evidence, kept beside the round.</summary>
public class CampaignNotice
{
    public int CampaignId { get; set; }
    public required string FileName { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Bytes { get; set; }
    public Guid UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
