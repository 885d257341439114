using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Review;

/// <summary>One line of an application's history as the workspace shows it.</summary>
/// <param name="User">The user's display name and sign-in name, or "系统".</param>
/// <param name="ActionName">The action in Chinese; an action this list does not know is shown as recorded.</param>
public sealed record AuditEntry(DateTimeOffset OccurredAt, string User, string Action, string ActionName, string? Summary);

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

    /// <summary>
    /// Oldest first. Events are matched by entity id: the application's own, and those of its stage reviews, site checks
    /// and revision requests, whichever entity type a page chose to record them under.
    /// </summary>
    public static async Task<IReadOnlyList<AuditEntry>> ForApplicationAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var related = await db.StageReviews.Where(r => r.ApplicationId == applicationId).Select(r => r.Id)
            .Concat(db.SiteChecks.Where(c => c.ApplicationId == applicationId).Select(c => c.Id))
            .Concat(db.RevisionRequests.Where(r => r.ApplicationId == applicationId).Select(r => r.Id))
            .ToListAsync(ct);
        var ids = related.Select(id => id.ToString()).Append(applicationId.ToString()).ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => ids.Contains(e.EntityId))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(ct);
        var userIds = events.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return events.Select(e => new AuditEntry(e.OccurredAt, UserOf(e.UserId, e.UserName, names), e.Action, ActionName(e.Action), e.Summary)).ToList();
    }

    private static string UserOf(Guid? userId, string? userName, Dictionary<Guid, string> names) =>
        userId is { } id && names.TryGetValue(id, out var display) ? $"{display}（{userName}）"
        : userId is null ? "系统"
        : userName ?? "（已删除的用户）";
}
