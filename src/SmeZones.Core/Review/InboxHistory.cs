using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Review;

/// <summary>One line of an application's history as the workspace shows it.</summary>
/// <param name="User">The user's display name and sign-in name, or "系统".</param>
/// <param name="ActionName">The action in Chinese; an action this list does not know is shown as recorded.</param>
public sealed record AuditEntry(DateTimeOffset OccurredAt, string User, string Action, string ActionName, string? Summary);

/// <summary>One page of an application's history (1-based <paramref name="Page"/> of <paramref name="PageCount"/>; <paramref name="Total"/> entries in all).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageCount, int Total);

/// <summary>The audit trail of one application, including what was recorded against its reviews, site checks and returns.</summary>
public static class InboxHistory
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ApplicationCreated"] = "新建",
        ["AnswersSaved"] = "保存",
        ["EvidenceAdded"] = "上传佐证材料",
        ["EvidenceDeleted"] = "删除佐证材料",
        ["Submitted"] = "提交",
        ["AnswersExported"] = "导出",
        ["PdfDownloaded"] = "下载PDF",
        ["SummarySaved"] = "保存汇总表信息",
        ["SiteCheckRecorded"] = "实地抽查",
        ["ScoresSaved"] = "评分",
        ["ReturnedForRevision"] = "退回修改",
        ["Resubmitted"] = "重新提交",
        ["DecisionRecorded"] = "审核意见",
        ["SignedOff"] = "签发",
        ["ForwardedToStage"] = "报送上级",
    };

    public static string ActionName(string action) => Names.GetValueOrDefault(action, action);

    /// <summary>How many entries one page of an application's history shows.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// One page of the history, newest first, paged in the database (an application gathers a hundred entries and more).
    /// Events are matched by entity id: the application's own, and those of its stage reviews, site checks and revision
    /// requests, whichever entity type a page chose to record them under. Summaries are made readable with
    /// <paramref name="labels"/> (section keys become headings); the stored rows stay as written (append-only).
    /// A page number beyond the last gives the last page.
    /// </summary>
    public static async Task<AuditPage> PageForApplicationAsync(
        PortalDbContext db, Guid applicationId, FormLabels? labels, int page, CancellationToken ct = default)
    {
        var related = await db.StageReviews.Where(r => r.ApplicationId == applicationId).Select(r => r.Id)
            .Concat(db.SiteChecks.Where(c => c.ApplicationId == applicationId).Select(c => c.Id))
            .Concat(db.RevisionRequests.Where(r => r.ApplicationId == applicationId).Select(r => r.Id))
            .ToListAsync(ct);
        var ids = related.Select(id => id.ToString()).Append(applicationId.ToString()).ToList();
        var trail = db.AuditEvents.AsNoTracking().Where(e => ids.Contains(e.EntityId));
        var total = await trail.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var events = await trail.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var userIds = events.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var entries = events.Select(e => new AuditEntry(e.OccurredAt, UserOf(e.UserId, e.UserName, names), e.Action, ActionName(e.Action),
            labels is null ? e.Summary : Readable(e.Action, e.Summary, labels))).ToList();
        return new AuditPage(entries, page, pageCount, total);
    }

    /// <summary>A stored summary in the words of the form: a save's section key becomes its heading ("保存 cover：8 项" → "保存 封面：8 项").</summary>
    private static string? Readable(string action, string? summary, FormLabels labels) =>
        action == "AnswersSaved" ? SectionSave.ReadableSummary(summary, labels) : summary;

    private static string UserOf(Guid? userId, string? userName, Dictionary<Guid, string> names) =>
        userId is { } id && names.TryGetValue(id, out var display) ? $"{display}（{userName}）"
        : userId is null ? "系统"
        : userName ?? "（已删除的用户）";
}
