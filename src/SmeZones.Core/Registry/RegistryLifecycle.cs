using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Registry;

/// <summary>
/// The registry's own state changes: an entry starts at 认定, moves to 期满待复核 when its validity ends, is extended by
/// a passed re-review, and ends by 撤销 or 注销. Each writes history and the audit trail in the caller's unit of work.
/// </summary>
public static class RegistryLifecycle
{
    public const string ConflictMessage = "该名录条目刚被他人修改过，请刷新页面，核对最新内容后再操作。";

    /// <summary>The entry for a certification, added to the caller's unit of work so that 认定 and the registry commit together.</summary>
    public static RegistryEntry AddCertified(PortalDbContext db, Certification certification, Programme programme, Application application,
        string name, string operatorName, Actor actor, DateTimeOffset now)
    {
        var entry = new RegistryEntry
        {
            Id = Guid.NewGuid(), CertificateNumber = certification.CertificateNumber, Programme = programme, Name = name,
            RegionCode = application.RegionCode, PrefectureCode = application.PrefectureCode, ProvincialUnitCode = application.ProvincialUnitCode,
            OperatorName = operatorName, OrganisationId = application.OrganisationId, CampaignId = certification.CampaignId,
            ApplicationId = application.Id, CertifiedOn = certification.CertifiedOn, ValidUntil = certification.ValidUntil,
            Status = RegistryStatus.Valid, CreatedAt = now,
        };
        db.RegistryEntries.Add(entry);
        History(db, entry, RegistryFields.Created, null, entry.CertificateNumber, entry.CertifiedOn, actor, now, "认定");
        return entry;
    }

    /// <summary>One history row.</summary>
    public static void History(PortalDbContext db, RegistryEntry entry, string field, string? oldValue, string? newValue,
        DateOnly effectiveOn, Actor actor, DateTimeOffset now, string? reason) =>
        db.RegistryChanges.Add(new RegistryChange
        {
            EntryId = entry.Id, Field = field, OldValue = oldValue, NewValue = newValue, EffectiveOn = effectiveOn,
            ChangedAt = now, ChangedById = actor.UserId, ChangedBy = actor.UserName, Reason = reason,
        });

    public static void SetStatus(PortalDbContext db, RegistryEntry entry, RegistryStatus status, DateOnly effectiveOn, Actor actor, DateTimeOffset now, string? reason)
    {
        History(db, entry, RegistryFields.Status, entry.Status.ToChinese(), status.ToChinese(), effectiveOn, actor, now, reason);
        entry.Status = status;
    }

    /// <summary>
    /// 撤销 or 注销 from <paramref name="effectiveOn"/>: at once when that Beijing date has come, otherwise recorded as
    /// pending (<see cref="RegistryEntry.EndingStatus"/>) and left to <see cref="ApplyEndingsAsync"/> on the day. The
    /// entry stays valid, and on the public list, until then.
    /// </summary>
    public static void End(PortalDbContext db, RegistryEntry entry, RegistryStatus status, DateOnly effectiveOn, string endReason,
        string historyReason, Actor actor, DateTimeOffset now)
    {
        entry.EndedOn = effectiveOn;
        entry.EndReason = endReason;
        if (effectiveOn > Dates.Today(now))
        {
            entry.EndingStatus = status;
            return;
        }
        entry.EndingStatus = null;
        SetStatus(db, entry, status, effectiveOn, actor, now, historyReason);
    }

    /// <summary>
    /// Ends every entry whose approved 注销 or decided 撤销 takes effect by today's Beijing date, with its history line
    /// dated the effective date; the holder and province were told at the decision. Idempotent, for the daily job.
    /// </summary>
    public static async Task<int> ApplyEndingsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        var due = await db.RegistryEntries.Where(e => e.EndingStatus != null && e.EndedOn <= today).ToListAsync(ct);
        var ending = due.Where(e => e.IsActive).ToList();
        foreach (var entry in ending)
        {
            var status = entry.EndingStatus!.Value;
            var word = status == RegistryStatus.Cancelled ? "注销" : "撤销";
            var grounds = entry.RevocationGrounds is { Length: > 0 } numbers && status == RegistryStatus.Revoked
                ? string.Join("；", numbers.Split(',').Select(n => RegistryNames.GroundText(int.Parse(n, CultureInfo.InvariantCulture)))) + "。"
                : "";
            entry.EndingStatus = null;
            SetStatus(db, entry, status, entry.EndedOn!.Value, Actor.System, now, $"{word}生效：{grounds}{entry.EndReason}");
            db.Record(Actor.System, status == RegistryStatus.Cancelled ? "RegistryCancellationEffective" : "RegistryRevocationEffective",
                nameof(RegistryEntry), entry.Id.ToString(), $"{entry.Name}（{entry.CertificateNumber}）自{Dates.Format(entry.EndedOn.Value)}起{word}");
        }
        foreach (var entry in due.Except(ending))
        {
            entry.EndingStatus = null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
        return ending.Count;
    }

    /// <summary>
    /// Moves every valid entry whose validity ended before today's Beijing date to 期满待复核 (the last day of validity
    /// is still valid) and tells the holder and the organiser, in one unit of work. Idempotent: an entry moves, and so
    /// is messaged, once per expiry; meant for a daily scheduled job. Returns how many moved.
    /// </summary>
    public static async Task<int> ApplyExpiryAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        var due = await db.RegistryEntries
            .Where(e => (e.Status == RegistryStatus.Valid || e.Status == RegistryStatus.ReviewPassed) && e.ValidUntil < today)
            .ToListAsync(ct);
        foreach (var entry in due)
        {
            SetStatus(db, entry, RegistryStatus.ExpiredAwaitingReview, entry.ValidUntil.AddDays(1), Actor.System, now, "有效期届满");
            db.Record(Actor.System, "RegistryExpired", nameof(RegistryEntry), entry.Id.ToString(),
                $"{entry.Name}（{entry.CertificateNumber}）有效期至{Dates.Format(entry.ValidUntil)}，期满待复核");
            await Notifications.Notifications.RegistryExpiredAsync(db, entry, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of them meanwhile (e.g. revoked it); the next run picks up what is still due.
            db.ChangeTracker.Clear();
            return 0;
        }
        return due.Count;
    }

    /// <summary>复核通过, recorded by the ministry: validity extended by the programme's years from the old end.</summary>
    public static async Task<IReadOnlyList<OperationError>> RecordReReviewPassedAsync(
        PortalDbContext db, Guid entryId, uint version, string? note, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (note is { Length: > RegistryLimits.Reason })
        {
            return [new OperationError("note", $"说明不能超过 {RegistryLimits.Reason} 字。")];
        }
        var entry = await db.RegistryEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null || entry.Status != RegistryStatus.ExpiredAwaitingReview)
        {
            return [OperationError.ForRequest("只有“期满待复核”的条目可以登记复核结果。")];
        }
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        await ExtendAfterReReviewAsync(db, entry, Dates.Today(now), string.IsNullOrWhiteSpace(note) ? "复核通过" : $"复核通过：{note.Trim()}", actor, now, ct);
        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// 复核通过 in the caller's unit of work, recorded by the ministry on the entry or by 认定 in the re-review round
    /// (<see cref="Publication.Certifying"/>): validity extended by the programme's years from the old end, history,
    /// audit and the holder and province told.
    /// </summary>
    public static async Task ExtendAfterReReviewAsync(PortalDbContext db, RegistryEntry entry, DateOnly effectiveOn, string reason,
        Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var oldEnd = entry.ValidUntil;
        entry.ValidUntil = oldEnd.AddYears(entry.Programme.ValidityYears());
        History(db, entry, RegistryFields.ValidUntil, Dates.Format(oldEnd), Dates.Format(entry.ValidUntil), effectiveOn, actor, now, reason);
        SetStatus(db, entry, RegistryStatus.ReviewPassed, effectiveOn, actor, now, reason);
        db.Record(actor, "RegistryReReviewPassed", nameof(RegistryEntry), entry.Id.ToString(),
            $"{entry.Name} 复核通过，有效期延至{Dates.Format(entry.ValidUntil)}");
        await Notifications.Notifications.RegistryReReviewPassedAsync(db, entry, now, ct);
    }

    /// <summary>撤销 by the ministry on one or more grounds of 第十一条, with a text and an effective date.</summary>
    public static async Task<IReadOnlyList<OperationError>> RevokeAsync(PortalDbContext db, Guid entryId, uint version,
        IReadOnlyCollection<int> grounds, string? text, DateOnly? effectiveOn, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = new List<OperationError>();
        if (grounds.Count == 0 || grounds.Any(g => RegistryNames.RevocationGrounds.All(r => r.Number != g)))
        {
            errors.Add(new OperationError("grounds", "请至少选择一项第十一条所列的撤销情形。"));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new OperationError("text", "请填写撤销说明。"));
        }
        else if (text.Trim().Length > RegistryLimits.Reason)
        {
            errors.Add(new OperationError("text", $"撤销说明不能超过 {RegistryLimits.Reason} 字。"));
        }
        if (effectiveOn is null)
        {
            errors.Add(new OperationError("effectiveOn", "请填写生效日期（格式：2026-12-01）。"));
        }
        var entry = await db.RegistryEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null || !entry.IsActive)
        {
            errors.Add(OperationError.ForRequest("该条目已撤销或注销，不能再撤销。"));
        }
        else if (effectiveOn is { } on && on < entry.CertifiedOn)
        {
            errors.Add(new OperationError("effectiveOn", "生效日期不能早于认定日期。"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        db.Entry(entry!).Property(e => e.Version).OriginalValue = version;
        var ordered = grounds.Distinct().Order().ToList();
        var reason = string.Join("；", ordered.Select(RegistryNames.GroundText)) + "。" + text!.Trim();
        entry!.RevocationGrounds = string.Join(',', ordered.Select(g => g.ToString(CultureInfo.InvariantCulture)));
        End(db, entry, RegistryStatus.Revoked, effectiveOn!.Value, text.Trim(), reason, actor, now);
        db.Record(actor, "RegistryRevoked", nameof(RegistryEntry), entry.Id.ToString(), $"撤销{entry.Name}（{entry.CertificateNumber}）",
            new { grounds = ordered, effectiveOn, text = entry.EndReason });
        await Notifications.Notifications.RegistryRevokedAsync(db, entry, reason, now, ct);
        return await SaveAsync(db, ct);
    }

    internal static async Task<IReadOnlyList<OperationError>> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return [OperationError.ForRequest(ConflictMessage)];
        }
    }
}

/// <summary>Registry dates as the portal prints them, and today's Beijing date.</summary>
public static class Dates
{
    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
}
