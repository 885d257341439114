using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;

namespace SmeZones.Core.Campaigns;

/// <summary>The notice PDF: recognised by its content (EvidenceFileTypes), never by its name; replacing it is audited.</summary>
public static class RoundNotices
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Null when stored; otherwise why not, in words for the organiser.</summary>
    public static async Task<string?> AttachAsync(
        PortalDbContext db, Campaign campaign, string fileName, Stream content, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var bytes = await EvidenceStore.ReadCappedAsync(content, MaxBytes, ct);
        if (bytes is null || bytes.Length == 0)
        {
            return "通知文件须为不超过20MB的PDF文件";
        }
        if (EvidenceFileTypes.Detect(bytes) != EvidenceFileTypes.Pdf)
        {
            return "通知文件须为PDF文件（按文件内容识别，改扩展名无效）";
        }
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = string.IsNullOrEmpty(name) ? "通知.pdf" : name[..Math.Min(name.Length, 200)];
        var notice = await db.CampaignNotices.SingleOrDefaultAsync(n => n.CampaignId == campaign.Id, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (notice is null)
        {
            notice = new CampaignNotice { CampaignId = campaign.Id, FileName = name, Sha256 = sha, Bytes = bytes };
            db.CampaignNotices.Add(notice);
        }
        notice.FileName = name;
        notice.Sha256 = sha;
        notice.Bytes = bytes;
        notice.SizeBytes = bytes.Length;
        notice.UploadedAt = now;
        notice.UploadedById = actor.UserId ?? Guid.Empty;
        db.Record(actor, "RoundNoticeAttached", nameof(Campaign), RoundSetup.Id(campaign), $"上传“{campaign.Name}”通知文件 {name}", new { sha256 = sha, bytes.Length });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
