using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;

namespace SmeZones.Core.Publication;

/// <summary>A round's list as the public may see it once 公示 has begun: the notice, the 建议名单 and, after 认定, the 认定名单.</summary>
public sealed record PublishedList(Campaign Campaign, PublicList List, IReadOnlyList<ListEntry> Proposed, IReadOnlyList<(ListEntry Entry, Certification Certificate)> Certified)
{
    public const string Issuer = "工业和信息化部中小企业局";

    public PublishedListDocument ProposedDocument() => new(
        $"{Campaign.Year}年度{Campaign.Programme.ToChinese()}建议名单公示",
        [List.Notice ?? "", $"公示期：{Announcement.Period(List)}。如有异议，请在公示期内通过本页实名反馈，并提供佐证材料和联系方式，以便核实查证。"],
        Proposed.Select(e => new PublishedLine(e.Name, e.RegionName, e.OperatorName, null)).ToList(),
        Issuer, Date(List.FirstDay));

    public PublishedListDocument CertifiedDocument() => new(
        $"{Campaign.Year}年度{Campaign.Programme.ToChinese()}认定名单",
        [$"经各省级中小企业主管部门组织申报推荐、专家评审和公示，确定了以下{Certified.Count}个{Campaign.Programme.ToChinese()}（名单附后）。有效期为{ValidityText()}。"],
        Certified.Select(c => new PublishedLine(c.Entry.Name, c.Entry.RegionName, c.Entry.OperatorName, c.Certificate.CertificateNumber)).ToList(),
        Issuer, Date(List.CertifiedOn));

    private string ValidityText() => Certified.Count == 0 ? "" :
        $"{Certified[0].Certificate.CertifiedOn.Year}年至{Certified[0].Certificate.ValidUntil.Year}年";

    private static string Date(DateOnly? day) => day is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "";
}

public static class PublishedLists
{
    /// <summary>The published list of a round, or null while it has not gone to 公示 (the public sees nothing of a draft).</summary>
    public static async Task<PublishedList?> ForCampaignAsync(PortalDbContext db, int campaignId, CancellationToken ct = default)
    {
        var list = await db.PublicLists.AsNoTracking().SingleOrDefaultAsync(l => l.CampaignId == campaignId && l.PublishedAt != null, ct);
        if (list is null)
        {
            return null;
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var proposed = await db.ListEntries.AsNoTracking().Where(e => e.CampaignId == campaignId && e.Selected).OrderBy(e => e.Rank).ToListAsync(ct);
        var certificates = await db.Certifications.AsNoTracking().Where(c => c.CampaignId == campaignId).ToDictionaryAsync(c => c.ApplicationId, ct);
        var certified = list.IsCertified
            ? proposed.Where(e => certificates.ContainsKey(e.ApplicationId)).Select(e => (e, certificates[e.ApplicationId]))
                .OrderBy(p => p.Item2.CertificateNumber, StringComparer.Ordinal).ToList()
            : [];
        return new PublishedList(campaign, list, proposed, certified);
    }

    /// <summary>Published rounds, newest first, for the public index.</summary>
    public static async Task<IReadOnlyList<(Campaign Campaign, PublicList List)>> AllAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var lists = await db.PublicLists.AsNoTracking().Where(l => l.PublishedAt != null).ToListAsync(ct);
        var ids = lists.Select(l => l.CampaignId).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return lists.OrderByDescending(l => l.PublishedAt).Select(l => (campaigns[l.CampaignId], l)).ToList();
    }

    /// <summary>
    /// An application's outcome as its province and applicant see it, once the round is certified: certified (with
    /// the certificate), withdrawn or not certified with the reason. Null before 认定 or when not on the list.
    /// </summary>
    public static async Task<ListResult?> ResultForAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var entry = await db.ListEntries.AsNoTracking().SingleOrDefaultAsync(e => e.ApplicationId == applicationId, ct);
        if (entry is null || !await db.PublicLists.AnyAsync(l => l.CampaignId == entry.CampaignId && l.CertifiedAt != null, ct))
        {
            return null;
        }
        var certificate = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == applicationId, ct);
        return new ListResult(entry.Outcome, entry.OutcomeReason, certificate);
    }
}

public sealed record ListResult(ListOutcome Outcome, string? Reason, Certification? Certificate);
