using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Registry;

/// <summary>What the applicant authority posts for a 变更 or 注销.</summary>
public sealed record RegistryRequestInput(RegistryRequestKind? Kind, string? NewValue, DateOnly? ChangedOn, string? Reason, UploadedFile? Evidence);

/// <summary>
/// 变更 and 注销 (第十条): the applicant authority files, the province 初审 (return with a comment, or forward), the
/// ministry 审定 (approve or return). An approved change writes the new value into the entry with the change's own date
/// as its effective date; an approved 注销 ends the entry. One request at a time per entry.
/// </summary>
public static class RegistryRequests
{
    public const long MaxEvidenceBytes = 20L * 1024 * 1024;
    public const string RequestConflict = "该申请刚被他人处理过，请刷新页面后再操作。";

    public static async Task<(RegistryRequest? Request, IReadOnlyList<OperationError> Errors)> FileAsync(
        PortalDbContext db, RegistryEntry entry, RegistryRequestInput input, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = new List<OperationError>();
        var today = Dates.Today(now);
        if (!entry.IsActive)
        {
            errors.Add(OperationError.ForRequest("该条目已撤销或注销，不能再提出申请。"));
        }
        else if (entry.EndingStatus is { } ending)
        {
            errors.Add(OperationError.ForRequest($"该条目已决定{(ending == RegistryStatus.Cancelled ? "注销" : "撤销")}，自{Dates.Format(entry.EndedOn!.Value)}起生效，不能再提出申请。"));
        }
        else if (await db.RegistryRequests.AnyAsync(r => r.EntryId == entry.Id
            && (r.Status == RegistryRequestStatus.WithProvince || r.Status == RegistryRequestStatus.WithMinistry), ct))
        {
            errors.Add(OperationError.ForRequest("该条目已有一件申请正在办理，办结后才能再提出。"));
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new OperationError("kind", "请选择申请事项。"));
            return (null, errors);
        }
        var newValue = input.NewValue?.Trim();
        if (kind != RegistryRequestKind.Cancellation)
        {
            if (string.IsNullOrEmpty(newValue))
            {
                errors.Add(new OperationError("newValue", "请填写变更后的内容。"));
            }
            else if (newValue.Length > kind.MaxLength())
            {
                errors.Add(new OperationError("newValue", $"变更后的内容不能超过 {kind.MaxLength()} 字。"));
            }
            else if (newValue == CurrentValue(entry, kind))
            {
                errors.Add(new OperationError("newValue", "变更后的内容与名录现有内容相同。"));
            }
        }
        else
        {
            newValue = null;
        }
        if (input.ChangedOn is not { } changedOn)
        {
            errors.Add(new OperationError("changedOn", kind == RegistryRequestKind.Cancellation ? "请填写申请注销的日期（格式：2026-12-01）。" : "请填写发生变更的日期（格式：2026-12-01）。"));
        }
        else if (changedOn < entry.CertifiedOn)
        {
            errors.Add(new OperationError("changedOn", "日期不能早于认定日期。"));
        }
        else if (kind != RegistryRequestKind.Cancellation && changedOn > today)
        {
            errors.Add(new OperationError("changedOn", "变更日期不能晚于今天：请在变更发生后提出申请。"));
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add(new OperationError("reason", "请填写申请理由。"));
        }
        else if (input.Reason.Trim().Length > RegistryLimits.Reason)
        {
            errors.Add(new OperationError("reason", $"申请理由不能超过 {RegistryLimits.Reason} 字。"));
        }
        var (file, fileError) = CheckEvidence(input.Evidence, required: kind != RegistryRequestKind.Cancellation);
        if (fileError is not null)
        {
            errors.Add(new OperationError("evidence", fileError));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var request = new RegistryRequest
        {
            Id = Guid.NewGuid(), EntryId = entry.Id, Kind = kind, NewValue = newValue, ChangedOn = input.ChangedOn!.Value,
            Reason = input.Reason!.Trim(), Status = RegistryRequestStatus.WithProvince, FiledAt = now, FiledById = actor.UserId,
            EvidenceFileName = file?.Name, EvidenceContentType = file?.ContentType, EvidenceBytes = file?.Bytes,
            EvidenceSha256 = file is null ? null : Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
        };
        if (kind != RegistryRequestKind.Cancellation)
        {
            var deadline = (await WorkingDays.LoadAsync(db, ct)).WorkingDaysAfter(request.ChangedOn, RegistryLimits.ChangeWorkingDays);
            request.Deadline = deadline;
            request.FiledLate = today > deadline;
        }
        db.RegistryRequests.Add(request);
        db.Record(actor, "RegistryRequestFiled", nameof(RegistryRequest), request.Id.ToString(),
            $"{entry.Name}：{kind.ToChinese()}{(request.FiledLate ? "（逾期提出）" : "")}", new { entry = entry.Id, kind, newValue, request.ChangedOn, request.FiledLate });
        await Notifications.Notifications.RegistryRequestFiledAsync(db, entry, request, now, ct);
        var saved = await RegistryLifecycle.SaveAsync(db, ct);
        return saved.Count > 0 ? (null, [OperationError.ForRequest("该条目已有一件申请正在办理，办结后才能再提出。")]) : (request, []);
    }

    /// <summary>省级初审: forward to the ministry, or return to the applicant with a comment.</summary>
    public static async Task<IReadOnlyList<OperationError>> ProvinceReviewAsync(PortalDbContext db, Guid requestId, uint version, bool forward,
        string? comment, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var (request, errors) = await LoadForStepAsync(db, requestId, RegistryRequestStatus.WithProvince, forward, comment, ct);
        if (errors.Count > 0)
        {
            return errors;
        }
        db.Entry(request!).Property(r => r.Version).OriginalValue = version;
        request!.ProvinceComment = Clean(comment);
        request.Status = forward ? RegistryRequestStatus.WithMinistry : RegistryRequestStatus.Returned;
        if (forward)
        {
            request.ForwardedAt = now;
        }
        else
        {
            request.DecidedAt = now;
        }
        db.Record(actor, forward ? "RegistryRequestForwarded" : "RegistryRequestReturnedByProvince", nameof(RegistryRequest), request.Id.ToString(),
            forward ? $"{request.Kind.ToChinese()}：省级初审同意，报部审定" : $"{request.Kind.ToChinese()}：省级初审退回", new { comment = request.ProvinceComment });
        var entry = await db.RegistryEntries.AsNoTracking().SingleAsync(e => e.Id == request.EntryId, ct);
        if (forward)
        {
            await Notifications.Notifications.RegistryRequestForwardedAsync(db, entry, request, now, ct);
        }
        else
        {
            await Notifications.Notifications.RegistryRequestReturnedAsync(db, entry, request, byMinistry: false, now, ct);
        }
        return await SaveAsync(db, ct);
    }

    /// <summary>部级审定: approve (the registry changes from the request's date, with history) or return with a comment.</summary>
    public static async Task<IReadOnlyList<OperationError>> MinistryDecideAsync(PortalDbContext db, Guid requestId, uint version, uint entryVersion,
        bool approve, string? comment, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var (request, errors) = await LoadForStepAsync(db, requestId, RegistryRequestStatus.WithMinistry, approve, comment, ct);
        if (errors.Count > 0)
        {
            return errors;
        }
        db.Entry(request!).Property(r => r.Version).OriginalValue = version;
        request!.MinistryComment = Clean(comment);
        request.Status = approve ? RegistryRequestStatus.Approved : RegistryRequestStatus.Returned;
        request.DecidedAt = now;
        var entry = await db.RegistryEntries.SingleAsync(e => e.Id == request.EntryId, ct);
        if (approve)
        {
            if (!entry.IsActive)
            {
                return [OperationError.ForRequest("该条目已撤销或注销，不能再审定此申请。")];
            }
            db.Entry(entry).Property(e => e.Version).OriginalValue = entryVersion;
            Apply(db, entry, request, actor, now);
            await Notifications.Notifications.RegistryRequestApprovedAsync(db, entry, request, now, ct);
        }
        else
        {
            await Notifications.Notifications.RegistryRequestReturnedAsync(db, entry, request, byMinistry: true, now, ct);
        }
        db.Record(actor, approve ? "RegistryRequestApproved" : "RegistryRequestReturnedByMinistry", nameof(RegistryRequest), request.Id.ToString(),
            $"{request.Kind.ToChinese()}：部级{(approve ? "审定通过" : "退回")}", new { comment = request.MinistryComment });
        return await SaveAsync(db, ct);
    }

    public static string? CurrentValue(RegistryEntry entry, RegistryRequestKind kind) => kind switch
    {
        RegistryRequestKind.Name => entry.Name,
        RegistryRequestKind.SpatialArea => entry.SpatialArea,
        RegistryRequestKind.Operator => entry.OperatorName,
        _ => entry.Status.ToChinese(),
    };

    private static void Apply(PortalDbContext db, RegistryEntry entry, RegistryRequest request, Actor actor, DateTimeOffset now)
    {
        var why = $"{request.Kind.ToChinese()}（申请日期 {ChinaTimeDate(request.FiledAt)}）：{request.Reason}";
        if (request.Kind == RegistryRequestKind.Cancellation)
        {
            // 注销 takes effect on its own date: until then the entry stays as it is, and the daily job ends it.
            RegistryLifecycle.End(db, entry, RegistryStatus.Cancelled, request.ChangedOn, request.Reason, why, actor, now);
            return;
        }
        RegistryLifecycle.History(db, entry, request.Kind.Field(), CurrentValue(entry, request.Kind), request.NewValue, request.ChangedOn, actor, now, why);
        switch (request.Kind)
        {
            case RegistryRequestKind.Name:
                entry.Name = request.NewValue!;
                break;
            case RegistryRequestKind.SpatialArea:
                entry.SpatialArea = request.NewValue;
                break;
            default:
                entry.OperatorName = request.NewValue!;
                break;
        }
    }

    private static string ChinaTimeDate(DateTimeOffset instant) => Dates.Format(Dates.Today(instant));

    private static async Task<(RegistryRequest?, IReadOnlyList<OperationError>)> LoadForStepAsync(
        PortalDbContext db, Guid requestId, RegistryRequestStatus expected, bool passes, string? comment, CancellationToken ct)
    {
        var request = await db.RegistryRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != expected)
        {
            return (null, [OperationError.ForRequest(RequestConflict)]);
        }
        if (!passes && string.IsNullOrWhiteSpace(comment))
        {
            return (null, [new OperationError("comment", "退回时请填写意见。")]);
        }
        if (comment is { } c && c.Trim().Length > RegistryLimits.Comment)
        {
            return (null, [new OperationError("comment", $"意见不能超过 {RegistryLimits.Comment} 字。")]);
        }
        return (request, []);
    }

    private static async Task<IReadOnlyList<OperationError>> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return [OperationError.ForRequest(RequestConflict)];
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal sealed record CheckedFile(string Name, string ContentType, byte[] Bytes);

    /// <summary>The same content checks as application evidence (ADR 0010): PDF, JPG, PNG or OFD without active content.</summary>
    internal static (CheckedFile?, string?) CheckEvidence(UploadedFile? file, bool required)
    {
        if (file is null || file.Bytes.Length == 0)
        {
            return (null, required ? "请上传佐证材料（如变更批复文件），PDF、JPG、PNG 或 OFD。" : null);
        }
        if (file.Bytes.Length > MaxEvidenceBytes)
        {
            return (null, "佐证材料不能超过 20 MB。");
        }
        var verdict = EvidenceContentCheck.Check(file.Bytes);
        if (verdict.Error is not null || verdict.Type is null)
        {
            return (null, verdict.Error ?? "只接受 PDF、JPG、PNG 或 OFD 文件。");
        }
        return (new CheckedFile(EvidenceFileNames.Sanitise(file.FileName, verdict.Type), verdict.Type.ContentType, file.Bytes), null);
    }
}
