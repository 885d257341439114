using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Review;

/// <summary>A file posted with an on-site check, as the browser named it.</summary>
public sealed record SiteCheckFile(string? FileName, Stream Content);

/// <summary>An attachment as a list shows it, without its bytes.</summary>
public sealed record SiteCheckAttachmentInfo(Guid Id, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>An on-site check with who made it and its attachments.</summary>
public sealed record SiteCheckListItem(
    Guid Id, DateOnly CheckedOn, string People, string Findings, string Organisation, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<SiteCheckAttachmentInfo> Attachments);

public sealed record SiteCheckAddResult(SiteCheck? Check, IReadOnlyList<OperationError> Errors)
{
    public bool Succeeded => Check is not null;
}

/// <summary>
/// Records, lists and opens 实地抽查. Attachments follow the evidence rules (type by content, per-file limit, SHA-256),
/// and a record is stored whole or not at all: a visit's minutes without the photo that was refused would mislead.
/// </summary>
public static class SiteCheckStore
{
    public static async Task<SiteCheckAddResult> AddAsync(
        PortalDbContext db, ReviewedApplication reviewed, SiteCheckInput input, IReadOnlyList<SiteCheckFile> files,
        Actor actor, DateTimeOffset now, EvidenceLimits limits, CancellationToken ct = default)
    {
        if (reviewed.Position.RefusalFor(ReviewAction.SiteCheck) is { } refusal)
        {
            return new SiteCheckAddResult(null, [OperationError.ForRequest(refusal)]);
        }
        var validation = SiteCheckRules.Validate(input, DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime));
        var errors = validation.Errors.ToList();
        if (files.Count > SiteCheckRules.MaxAttachments)
        {
            errors.Add(new(SiteCheckField.Attachments, $"一次最多上传 {SiteCheckRules.MaxAttachments} 个附件"));
        }
        var userId = actor.UserId ?? throw new ArgumentException("Site checks are recorded by a signed-in user.", nameof(actor));
        var attachments = new List<SiteCheckAttachment>();
        foreach (var file in files.Take(SiteCheckRules.MaxAttachments))
        {
            var (attachment, error) = await ReadAsync(file, limits, userId, now, ct);
            if (error is not null)
            {
                errors.Add(new(SiteCheckField.Attachments, $"{EvidenceFileNames.Clean(file.FileName)}：{error}"));
            }
            else
            {
                attachments.Add(attachment!);
            }
        }
        if (errors.Count > 0)
        {
            return new SiteCheckAddResult(null, errors);
        }

        var check = new SiteCheck
        {
            Id = Guid.NewGuid(),
            ApplicationId = reviewed.Application.Id,
            StageOrder = reviewed.Position.Stage!.Order,
            OrganisationId = actor.OrganisationId ?? throw new ArgumentException("Site checks are recorded by a user of an organisation.", nameof(actor)),
            CheckedOn = validation.CheckedOn,
            People = validation.People,
            Findings = validation.Findings,
            CreatedById = userId,
            CreatedAt = now,
            Attachments = attachments,
        };
        db.SiteChecks.Add(check);
        // Recorded against the application, so its history reads in one place; the hashes prove later what was attached.
        db.Record(actor, "SiteCheckRecorded", nameof(Application), reviewed.Application.Id.ToString(),
            $"实地抽查 {reviewed.Application.Number}（{validation.CheckedOn:yyyy-MM-dd}）",
            new
            {
                siteCheckId = check.Id,
                stage = check.StageOrder,
                checkedOn = check.CheckedOn,
                attachments = attachments.Select(a => new { a.Id, a.FileName, a.SizeBytes, a.Sha256, a.ContentType }),
            });
        await db.SaveChangesAsync(ct);
        // Several files may have come in one post: let go of their bytes once saved.
        foreach (var attachment in attachments)
        {
            db.Entry(attachment).State = EntityState.Detached;
        }
        db.Entry(check).State = EntityState.Detached;
        return new SiteCheckAddResult(check, []);
    }

    /// <summary>The application's checks, by date, with the recording unit and user and the attachments' details (no bytes).</summary>
    public static async Task<IReadOnlyList<SiteCheckListItem>> ListAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var checks = await db.SiteChecks.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .OrderBy(c => c.CheckedOn).ThenBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Id, c.CheckedOn, c.People, c.Findings, c.OrganisationId, c.CreatedById, c.CreatedAt,
                Attachments = c.Attachments.OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName)
                    .Select(a => new SiteCheckAttachmentInfo(a.Id, a.FileName, a.SizeBytes, a.Sha256, a.UploadedAt)).ToList(),
            }).ToListAsync(ct);
        var organisationIds = checks.Select(c => c.OrganisationId).Distinct().ToList();
        var userIds = checks.Select(c => c.CreatedById).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return checks.Select(c => new SiteCheckListItem(c.Id, c.CheckedOn, c.People, c.Findings,
            organisations.GetValueOrDefault(c.OrganisationId, ""), users.GetValueOrDefault(c.CreatedById, "（已删除的用户）"), c.CreatedAt, c.Attachments)).ToList();
    }

    /// <summary>An attachment with its bytes, or null when the viewer may not reach the application or it is not one of its checks'.</summary>
    public static async Task<SiteCheckAttachment?> OpenAsync(PortalDbContext db, Viewer viewer, Guid applicationId, Guid attachmentId, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, applicationId, ct);
        if (application is null)
        {
            return null;
        }
        return await db.SiteCheckAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.SiteChecks.Any(c => c.Id == a.SiteCheckId && c.ApplicationId == application.Id))
            .SingleOrDefaultAsync(ct);
    }

    private static async Task<(SiteCheckAttachment? Attachment, string? Error)> ReadAsync(
        SiteCheckFile file, EvidenceLimits limits, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        // A form post's stream knows its length: refuse at once instead of reading it to say no.
        if (file.Content.CanSeek && file.Content.Length - file.Content.Position > limits.MaxFileBytes)
        {
            return (null, TooLarge(limits));
        }
        var bytes = await EvidenceStore.ReadCappedAsync(file.Content, limits.MaxFileBytes, ct);
        if (bytes is null)
        {
            return (null, TooLarge(limits));
        }
        if (bytes.Length == 0)
        {
            return (null, EvidenceStore.Empty);
        }
        // The same checks as 佐证材料: type by content, no active content.
        var verdict = EvidenceContentCheck.Check(bytes);
        if (verdict.Type is not { } type)
        {
            return (null, verdict.Error);
        }
        return (new SiteCheckAttachment
        {
            Id = Guid.NewGuid(),
            FileName = EvidenceFileNames.Sanitise(file.FileName, type),
            ContentType = type.ContentType,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Bytes = bytes,
            UploadedById = userId,
            UploadedAt = now,
        }, null);
    }

    private static string TooLarge(EvidenceLimits limits) => $"单个文件不能超过 {EvidenceFileNames.FormatSize(limits.MaxFileBytes)}";
}
