using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;

namespace SmeZones.Core.Publication;

/// <summary>An uploaded file as it arrived: its name and bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Bytes);

/// <summary>What a member of the public sends against an entry of the 公示 list.</summary>
public sealed record ObjectionInput(Guid EntryId, string? SubmitterName, string? Contact, string? Text, IReadOnlyList<UploadedFile> Files);

/// <summary>The ministry's step on an objection: 受理, 核查 (notes, attachments), 结论 (成立 / 不成立 with reason).</summary>
public enum ObjectionStep
{
    Accept,
    Investigate,
    Uphold,
    Dismiss,
}

/// <summary>Objections (异议) during 公示 and the ministry's handling of each.</summary>
public static class Objections
{
    public const int MaxText = 2000;
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public static async Task<(Objection? Objection, IReadOnlyList<OperationError> Errors)> LodgeAsync(
        PortalDbContext db, int campaignId, ObjectionInput input, DateTimeOffset now, CancellationToken ct = default)
    {
        var list = await db.PublicLists.AsNoTracking().SingleOrDefaultAsync(l => l.CampaignId == campaignId && l.PublishedAt != null, ct);
        if (list is null)
        {
            return (null, [OperationError.ForRequest("该名单尚未公示。")]);
        }
        if (!Announcement.IsOpen(list, now))
        {
            return (null, [OperationError.ForRequest($"公示期为{Announcement.Period(list)}，异议须在公示期内提出；现不在公示期内，不能提交。")]);
        }
        var errors = new List<OperationError>();
        if (!await db.ListEntries.AnyAsync(e => e.Id == input.EntryId && e.CampaignId == campaignId && e.Selected, ct))
        {
            errors.Add(new OperationError("entryId", "请选择提出异议的名单条目。"));
        }
        errors.AddRange(CheckFields(input.SubmitterName, input.Contact, input.Text, input.Files.Count));
        var files = new List<ObjectionFile>();
        foreach (var file in input.Files)
        {
            var (checkedFile, error) = Check(file, now, fromInvestigation: false);
            files.Add(checkedFile);
            if (error is not null)
            {
                errors.Add(new OperationError("files", error));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var objection = new Objection
        {
            Id = Guid.NewGuid(), CampaignId = campaignId, EntryId = input.EntryId, ReceiptNumber = ReceiptNumber(now),
            SubmitterName = input.SubmitterName!.Trim(), Contact = input.Contact!.Trim(), Text = input.Text!.Trim(),
            LodgedAt = now, Status = ObjectionStatus.Lodged, Files = files,
        };
        db.Objections.Add(objection);
        db.Record(new Actor(null, "public", null), "ObjectionLodged", nameof(Objection), objection.Id.ToString(),
            $"收到异议 {objection.ReceiptNumber}", new { objection.EntryId, files = files.Count });
        await Notifications.Notifications.ObjectionReceivedAsync(db, objection, now, ct);
        await db.SaveChangesAsync(ct);
        return (objection, []);
    }

    /// <summary>Moves an objection on by one step; a conclusion of 成立 withdraws the entry with the reason.</summary>
    public static async Task<IReadOnlyList<OperationError>> HandleAsync(
        PortalDbContext db, Guid objectionId, ObjectionStep step, string? text, IReadOnlyList<UploadedFile> files,
        Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return [OperationError.ForRequest("没有找到该异议。")];
        }
        var allowed = step switch
        {
            ObjectionStep.Accept => objection.Status == ObjectionStatus.Lodged,
            ObjectionStep.Investigate => objection.Status is ObjectionStatus.Accepted or ObjectionStatus.Investigating,
            _ => objection.Status is ObjectionStatus.Accepted or ObjectionStatus.Investigating,
        };
        if (!allowed)
        {
            return [OperationError.ForRequest($"该异议当前为“{objection.Status.ToChinese()}”，不能进行此操作。")];
        }
        var errors = new List<OperationError>(CheckStepText(step, text));
        var newFiles = new List<ObjectionFile>();
        foreach (var file in step == ObjectionStep.Investigate ? files : [])
        {
            var (checkedFile, error) = Check(file, now, fromInvestigation: true);
            if (error is not null)
            {
                errors.Add(new OperationError("files", error));
            }
            newFiles.Add(checkedFile);
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var id = objection.Id.ToString();
        switch (step)
        {
            case ObjectionStep.Accept:
                objection.Status = ObjectionStatus.Accepted;
                db.Record(actor, "ObjectionAccepted", nameof(Objection), id, $"受理异议 {objection.ReceiptNumber}");
                break;
            case ObjectionStep.Investigate:
                objection.Status = ObjectionStatus.Investigating;
                objection.InvestigationNotes = text!.Trim();
                foreach (var f in newFiles)
                {
                    f.ObjectionId = objection.Id;
                    db.ObjectionFiles.Add(f);
                }
                db.Record(actor, "ObjectionInvestigated", nameof(Objection), id, $"核查异议 {objection.ReceiptNumber}", new { files = newFiles.Count });
                break;
            default:
                var upheld = step == ObjectionStep.Uphold;
                objection.Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
                objection.ConclusionReason = text!.Trim();
                objection.ConcludedAt = now;
                if (upheld)
                {
                    var entry = await db.ListEntries.SingleAsync(e => e.Id == objection.EntryId, ct);
                    entry.Outcome = ListOutcome.Withdrawn;
                    entry.OutcomeReason = objection.ConclusionReason;
                }
                db.Record(actor, upheld ? "ObjectionUpheld" : "ObjectionDismissed", nameof(Objection), id,
                    $"异议 {objection.ReceiptNumber}：{objection.Status.ToChinese()}", new { reason = objection.ConclusionReason, objection.EntryId });
                await Notifications.Notifications.ObjectionConcludedAsync(db, objection, now, ct);
                break;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [OperationError.ForRequest("该异议刚被他人处理过，请刷新后再试。")];
        }
        return [];
    }

    private static (ObjectionFile File, string? Error) Check(UploadedFile file, DateTimeOffset now, bool fromInvestigation)
    {
        var name = Path.GetFileName(file.FileName);
        name = name.Length > 200 ? name[^200..] : name;
        string? error = null;
        EvidenceFileType? type = null;
        if (file.Bytes.Length == 0)
        {
            error = $"文件“{name}”是空文件。";
        }
        else if (file.Bytes.Length > MaxFileBytes)
        {
            error = $"文件“{name}”超过 20 MB。";
        }
        else
        {
            var verdict = EvidenceContentCheck.Check(file.Bytes);
            type = verdict.Type;
            if (verdict.Error is not null || type is null || type == EvidenceFileTypes.Ofd)
            {
                error = $"文件“{name}”：{verdict.Error ?? "只接受 PDF、JPG、PNG 文件"}";
            }
        }
        return (new ObjectionFile
        {
            Id = Guid.NewGuid(), FileName = name, ContentType = type?.ContentType ?? "application/octet-stream",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), Bytes = file.Bytes, UploadedAt = now, FromInvestigation = fromInvestigation,
        }, error);
    }

    /// <summary>The text a step needs (none to 受理, the 核查 notes, the conclusion's reason) by itself.</summary>
    public static IReadOnlyList<OperationError> CheckStepText(ObjectionStep step, string? text)
    {
        var errors = new List<OperationError>();
        if (step != ObjectionStep.Accept)
        {
            Required(errors, "text", text, step == ObjectionStep.Investigate ? 5000 : 2000,
                step == ObjectionStep.Investigate ? "请填写核查情况。" : "请填写结论理由。");
        }
        return errors;
    }

    /// <summary>An objection's texts and number of files by themselves: what the public page's validator asks before anything is read.</summary>
    public static IReadOnlyList<OperationError> CheckFields(string? submitterName, string? contact, string? text, int fileCount)
    {
        var errors = new List<OperationError>();
        Required(errors, "submitterName", submitterName, 100, "请填写单位名称或真实姓名（实名反馈）。");
        Required(errors, "contact", contact, 100, "请填写联系方式，以便核实查证。");
        Required(errors, "text", text, MaxText, "请填写异议内容。");
        if (fileCount > MaxFiles)
        {
            errors.Add(new OperationError("files", $"最多上传 {MaxFiles} 个佐证材料。"));
        }
        return errors;
    }

    private static void Required(List<OperationError> errors, string key, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new OperationError(key, message));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new OperationError(key, $"不能超过 {max} 个字（现 {value.Trim().Length} 个）。"));
        }
    }

    /// <summary>A receipt number nobody can guess from another: the year and eight random characters without 0/O/1/I.</summary>
    private static string ReceiptNumber(DateTimeOffset now)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return $"YY-{Campaigns.ChinaTime.ToChina(now).Year}-{new string(chars)}";
    }
}
