using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;

namespace SmeZones.Core.Publication;

/// <summary>The ministry's 认定 of one remaining entry: certify, or 不予认定 with a reason.</summary>
public sealed record CertifyInput(Guid EntryId, bool Certify, string? Reason);

/// <summary>
/// 认定: after 公示 has ended and every objection is concluded, the remaining entries are certified with a certificate
/// number from the programme's format, or refused with a reason. Not-selected entries are closed as 不予认定 with the
/// reason given at selection. Validity is counted in calendar years from the year of certification, as MIIT states it
/// (有效期为2023年至2025年).
/// </summary>
public static partial class Certifying
{
    public const int MaxReason = 1000;

    public static async Task<string> FormatAsync(PortalDbContext db, Programme programme, CancellationToken ct = default) =>
        (await db.ProgrammeListSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Programme == programme, ct))?.CertificateNumberFormat
        ?? ListNames.DefaultCertificateFormat(programme);

    /// <summary>The format with {year} and {n} (or {n:000}) filled in.</summary>
    public static string Number(string format, int year, int n) =>
        NumberPlaceholder().Replace(format.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            m => n.ToString(m.Groups[1].Success ? m.Groups[1].Value : "0", CultureInfo.InvariantCulture));

    public static bool IsValidFormat(string? format) => format is { Length: > 0 and <= 100 } && NumberPlaceholder().IsMatch(format);

    public static DateOnly ValidUntil(Programme programme, DateOnly certifiedOn) => new(certifiedOn.Year + programme.ValidityYears() - 1, 12, 31);

    /// <summary>Why 认定 cannot happen now, or null.</summary>
    public static async Task<string?> RefusalAsync(PortalDbContext db, PublicList? list, DateTimeOffset now, CancellationToken ct = default)
    {
        if (list is null || !list.IsPublished)
        {
            return "建议名单尚未公示，不能认定。";
        }
        if (list.IsCertified)
        {
            return "本批次已完成认定。";
        }
        if (!Announcement.HasEnded(list, now))
        {
            return $"公示期（{Announcement.Period(list)}）尚未结束，不能认定。";
        }
        var open = await db.Objections.CountAsync(o => o.CampaignId == list.CampaignId
            && o.Status != ObjectionStatus.Upheld && o.Status != ObjectionStatus.Dismissed, ct);
        return open > 0 ? $"还有 {open} 件异议尚未作出结论，全部办结后才能认定。" : null;
    }

    public static async Task<IReadOnlyList<OperationError>> CertifyAsync(
        PortalDbContext db, int campaignId, DateOnly certifiedOn, IReadOnlyList<CertifyInput> inputs, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var list = await db.PublicLists.SingleOrDefaultAsync(l => l.CampaignId == campaignId, ct);
        if (await RefusalAsync(db, list, now, ct) is { } refusal)
        {
            return [OperationError.ForRequest(refusal)];
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        var entries = await db.ListEntries.Where(e => e.CampaignId == campaignId).OrderBy(e => e.Rank).ToListAsync(ct);
        var byId = inputs.GroupBy(i => i.EntryId).ToDictionary(g => g.Key, g => g.Last());
        var errors = new List<OperationError>();
        foreach (var entry in entries.Where(e => e.Selected && e.Outcome == ListOutcome.Pending))
        {
            var input = byId.GetValueOrDefault(entry.Id);
            if (input is null || (!input.Certify && string.IsNullOrWhiteSpace(input.Reason)))
            {
                errors.Add(new OperationError($"reason:{entry.Id}", $"“{entry.Name}”：不予认定的，请填写理由。"));
            }
            else if (input.Reason is { } r && r.Trim().Length > MaxReason)
            {
                errors.Add(new OperationError($"reason:{entry.Id}", $"理由不能超过 {MaxReason} 个字。"));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var format = await FormatAsync(db, campaign.Programme, ct);
        var year = certifiedOn.Year;
        var taken = await db.Certifications.CountAsync(c => db.Campaigns.Any(k => k.Id == c.CampaignId && k.Programme == campaign.Programme)
            && c.CertifiedOn.Year == year, ct);
        var certified = 0;
        var passed = 0;
        foreach (var entry in entries)
        {
            if (!entry.Selected)
            {
                entry.Outcome = ListOutcome.NotCertified;
                entry.OutcomeReason = entry.NotSelectedReason;
                await Notifications.Notifications.CertificationDecidedAsync(db, entry, null, now, ct);
                continue;
            }
            if (entry.Outcome != ListOutcome.Pending)
            {
                continue;
            }
            var input = byId[entry.Id];
            if (!input.Certify)
            {
                entry.Outcome = ListOutcome.NotCertified;
                entry.OutcomeReason = input.Reason!.Trim();
                await Notifications.Notifications.CertificationDecidedAsync(db, entry, null, now, ct);
                continue;
            }
            entry.Outcome = ListOutcome.Certified;
            entry.OutcomeReason = null;
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == entry.ApplicationId, ct);
            if (application.ReReviewEntryId is { } reviewed)
            {
                // A re-review round: 认定 is 复核通过 of the existing entry, which keeps its certificate number (ADR 0066).
                var registryEntry = await db.RegistryEntries.SingleAsync(e => e.Id == reviewed, ct);
                if (registryEntry.Status != RegistryStatus.ExpiredAwaitingReview)
                {
                    errors.Add(OperationError.ForRequest($"“{entry.Name}”在名录中已不是“期满待复核”（现为{registryEntry.Status.ToChinese()}），不能作复核通过认定。"));
                    continue;
                }
                await RegistryLifecycle.ExtendAfterReReviewAsync(db, registryEntry, certifiedOn, $"复核通过（{campaign.Name}）", actor, now, ct);
                await Notifications.Notifications.CertificationDecidedAsync(db, entry, registryEntry.CertificateNumber, now, ct);
                passed++;
                continue;
            }
            var certification = new Certification
            {
                Id = Guid.NewGuid(), ApplicationId = entry.ApplicationId, CampaignId = campaignId,
                CertificateNumber = Number(format, year, taken + ++certified), CertifiedOn = certifiedOn,
                ValidUntil = ValidUntil(campaign.Programme, certifiedOn), CreatedAt = now, CreatedById = actor.UserId,
            };
            db.Certifications.Add(certification);
            // The registry entry starts in the same transaction: a certified zone is never missing from the 名录.
            RegistryLifecycle.AddCertified(db, certification, campaign.Programme, application, entry.Name, entry.OperatorName, actor, now);
            await Notifications.Notifications.CertificationDecidedAsync(db, entry, certification.CertificateNumber, now, ct);
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return errors;
        }
        list!.CertifiedAt = now;
        list.CertifiedOn = certifiedOn;
        db.Record(actor, "ListCertified", "Campaign", campaignId.ToString(CultureInfo.InvariantCulture),
            passed > 0 ? $"认定：予以认定 {certified} 个，复核通过 {passed} 个" : $"认定：予以认定 {certified} 个", new { certifiedOn, certified, passed, format });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return [OperationError.ForRequest("认定时与其他操作冲突（可能刚有人完成认定），请刷新后再试。")];
        }
        return [];
    }

    [GeneratedRegex(@"\{n(?::(0+))?\}")]
    private static partial Regex NumberPlaceholder();
}
