using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Applications;

/// <summary>The outcome of adding or deleting a file: the evidence concerned, or a message for the applicant.</summary>
public sealed record EvidenceResult(Evidence? Evidence, string? Error)
{
    public bool Succeeded => Error is null;

    public static EvidenceResult Ok(Evidence evidence) => new(evidence, null);

    public static EvidenceResult Fail(string error) => new(null, error);
}

/// <summary>A stored file as a list shows it, with the name of whoever uploaded it.</summary>
public sealed record EvidenceListItem(Evidence Evidence, string UploadedByName);

/// <summary>
/// Adds, deletes, lists and opens 佐证材料. Every change takes a row lock on the application, so two uploads at once
/// cannot both pass the total limit and no upload slips in after the application was submitted.
/// </summary>
public static class EvidenceStore
{
    public const string NotEditable = "申报已提交，不能再修改佐证材料";
    public const string Empty = "文件为空，请重新选择";
    public const string WrongType = "只能上传 PDF、JPG、PNG 或 OFD 格式的文件（已按文件内容识别，与扩展名无关）";

    public static async Task<EvidenceResult> AddAsync(
        PortalDbContext db, Application application, string slotKey, string fileName, Stream content,
        Actor actor, DateTimeOffset now, EvidenceLimits limits, CancellationToken ct = default)
    {
        var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get(application.FormEditionKey));
        if (slots.All(s => s.Key != slotKey))
        {
            throw new ArgumentException($"Edition {application.FormEditionKey} has no evidence slot '{slotKey}'.", nameof(slotKey));
        }
        if (!application.IsEditableByApplicant)
        {
            return EvidenceResult.Fail(NotEditable);
        }

        // A form post's stream knows its length: refuse at once instead of reading 100 MB to say no.
        if (content.CanSeek && content.Length - content.Position > limits.MaxFileBytes)
        {
            return EvidenceResult.Fail(TooLarge(limits, content.Length - content.Position));
        }
        var bytes = await ReadCappedAsync(content, limits.MaxFileBytes, ct);
        if (bytes is null)
        {
            return EvidenceResult.Fail(TooLarge(limits, null));
        }
        if (bytes.Length == 0)
        {
            return EvidenceResult.Fail(Empty);
        }
        var verdict = EvidenceContentCheck.Check(bytes);
        if (verdict.Type is not { } type)
        {
            return EvidenceResult.Fail(verdict.Error!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await StillEditableAsync(db, application, ct))
        {
            return EvidenceResult.Fail(NotEditable);
        }
        var stored = await db.Evidence.Where(e => e.ApplicationId == application.Id).SumAsync(e => e.SizeBytes, ct);
        if (stored + bytes.Length > limits.MaxTotalBytes)
        {
            return EvidenceResult.Fail(
                $"本申报的佐证材料合计不能超过 {EvidenceFileNames.FormatSize(limits.MaxTotalBytes)}（已上传 {EvidenceFileNames.FormatSize(stored)}，" +
                $"本文件 {EvidenceFileNames.FormatSize(bytes.Length)}），请压缩或删除部分文件后再上传");
        }

        var evidence = new Evidence
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            SlotKey = slotKey,
            FileName = EvidenceFileNames.Sanitise(fileName, type),
            ContentType = type.ContentType,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedById = actor.UserId ?? throw new ArgumentException("Evidence is uploaded by a signed-in user.", nameof(actor)),
            UploadedAt = now,
        };
        db.Evidence.Add(evidence);
        var contentRow = new EvidenceContent { EvidenceId = evidence.Id, Bytes = bytes };
        db.EvidenceContents.Add(contentRow);
        // Recorded against the application, so its history reads in one place; the hash proves later what was attached.
        db.Record(actor, "EvidenceAdded", nameof(Application), application.Id.ToString(),
            $"上传佐证材料 {evidence.FileName}",
            new { evidenceId = evidence.Id, slot = slotKey, name = evidence.FileName, size = evidence.SizeBytes, sha256 = evidence.Sha256, contentType = evidence.ContentType });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Several 20 MB files may come in one post: let go of each one's bytes once saved.
        db.Entry(contentRow).State = EntityState.Detached;
        db.Entry(evidence).State = EntityState.Detached;
        evidence.Content = null;
        return EvidenceResult.Ok(evidence);
    }

    /// <summary>Deletes the file and its bytes for good; the audit event keeps its name and hash.</summary>
    public static async Task<EvidenceResult> DeleteAsync(
        PortalDbContext db, Application application, Guid evidenceId, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!application.IsEditableByApplicant)
        {
            return EvidenceResult.Fail(NotEditable);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await StillEditableAsync(db, application, ct))
        {
            return EvidenceResult.Fail(NotEditable);
        }
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.ApplicationId == application.Id, ct);
        if (evidence is null)
        {
            return EvidenceResult.Fail("该文件不存在或已被删除");
        }
        // The content row goes with it (ON DELETE CASCADE), so its bytes are never loaded to be removed.
        db.Evidence.Remove(evidence);
        db.Record(actor, "EvidenceDeleted", nameof(Application), application.Id.ToString(),
            $"删除佐证材料 {evidence.FileName}",
            new { evidenceId = evidence.Id, slot = evidence.SlotKey, name = evidence.FileName, size = evidence.SizeBytes, sha256 = evidence.Sha256 });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return EvidenceResult.Ok(evidence);
    }

    /// <summary>The application's files without their bytes, oldest first, with the uploaders' display names.</summary>
    public static async Task<IReadOnlyList<EvidenceListItem>> ListAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var files = await db.Evidence.AsNoTracking().Where(e => e.ApplicationId == applicationId)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.FileName).ToListAsync(ct);
        var uploaderIds = files.Select(f => f.UploadedById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => uploaderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return files.Select(f => new EvidenceListItem(f, names.GetValueOrDefault(f.UploadedById, "（已删除的用户）"))).ToList();
    }

    /// <summary>
    /// A file with its bytes, for download, or null when the viewer may not reach the application (the same rule as
    /// every page: <see cref="ApplicationAccess.FindVisibleAsync"/>) or the file is not one of its files.
    /// </summary>
    public static async Task<Evidence?> OpenAsync(PortalDbContext db, Viewer viewer, Guid applicationId, Guid evidenceId, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, applicationId, ct);
        if (application is null)
        {
            return null;
        }
        return await db.Evidence.AsNoTracking().Include(e => e.Content)
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.ApplicationId == application.Id, ct);
    }

    private static string TooLarge(EvidenceLimits limits, long? size) =>
        $"单个文件不能超过 {EvidenceFileNames.FormatSize(limits.MaxFileBytes)}" + (size is { } s ? $"（本文件 {EvidenceFileNames.FormatSize(s)}）" : "");

    // Holds at most max + 1 bytes whatever the stream claims; null means "more than max".
    /// <summary>Reads at most max + 1 bytes, so an oversized upload is never buffered whole; null when over max.</summary>
    internal static async Task<byte[]?> ReadCappedAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        while (total <= max)
        {
            var read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1 - total)), ct);
            if (read == 0)
            {
                return buffer.ToArray();
            }
            buffer.Write(chunk, 0, read);
            total += read;
        }
        return null;
    }

    // Locks the application row until the transaction ends. The page decided on the status it read; if the status has
    // changed since (e.g. the application was submitted in another tab), that decision no longer holds.
    private static async Task<bool> StillEditableAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var status = await db.Database
            .SqlQuery<int>($"""SELECT "Status" AS "Value" FROM "Applications" WHERE "Id" = {application.Id} FOR UPDATE""")
            .AsAsyncEnumerable().SingleAsync(ct);
        return (ApplicationStatus)status == application.Status;
    }
}
