using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;

namespace SmeZones.Core.ExpertReview;

/// <summary>
/// The ministry's review group (评审组) for one application: random draw with a recorded seed, assignment by hand,
/// removal, and the expert's own confirmation or 回避. Every step writes its audit event in the same save.
/// </summary>
public static class ExpertPanel
{
    public const int MaxReasonLength = 500;
    public const string ReasonField = "reason";
    public const string ExpertField = "expert";

    /// <summary>The group of an application in position order (members first).</summary>
    public static Task<List<ExpertAssignment>> GroupAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default) =>
        db.ExpertAssignments.Where(a => a.ApplicationId == applicationId)
            .OrderBy(a => a.IsReserve).ThenBy(a => a.Position).ToListAsync(ct);

    /// <summary>
    /// 随机抽取: fills the group up to the round's members and reserves from the active pool (limited to
    /// <paramref name="field"/> when given), leaving out experts with a conflict and those already in the group.
    /// <paramref name="seed"/> null → a fresh one from the system's CSPRNG; either way it is recorded.
    /// </summary>
    public static async Task<(ExpertDraw? Draw, IReadOnlyList<OperationError> Errors)> DrawAsync(
        PortalDbContext db, Application application, string? field, long? seed, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var settings = await ExpertPool.SettingsAsync(db, application.CampaignId, ct);
        var group = await GroupAsync(db, application.Id, ct);
        var members = Math.Max(0, settings.ExpertsPerApplication - group.Count(a => a.IsActiveMember));
        var reserves = Math.Max(0, settings.ReservesPerApplication - group.Count(a => a.IsReserve && a.Status == AssignmentStatus.Pending));
        if (members + reserves == 0)
        {
            return (null, [OperationError.ForRequest($"评审组已满（{settings.ExpertsPerApplication} 名专家、{settings.ReservesPerApplication} 名候补），无需抽取。")]);
        }
        field = string.IsNullOrWhiteSpace(field) ? null : field.Trim();
        var inGroup = group.Select(a => a.ExpertId).ToHashSet();
        // The candidates in a fixed order (by id) so the shuffle of a recorded seed is reproducible.
        var candidates = (await ExpertPool.AllAsync(db, ct))
            .Where(e => e.IsAvailable && !inGroup.Contains(e.UserId) && ExpertConflicts.Of(e, application).Count == 0)
            .Where(e => field is null || e.Profile.Fields.Contains(field, StringComparer.Ordinal))
            .Select(e => e.UserId).Order().ToList();
        if (candidates.Count < members)
        {
            return (null, [OperationError.ForRequest(
                $"符合条件（{(field is null ? "全部领域" : "领域：" + field)}，无利益冲突、未在本组）的专家只有 {candidates.Count} 名，不足所需的 {members} 名。请放宽领域或补充专家库。")]);
        }
        var draw = new ExpertDraw
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Seed = seed ?? NewSeed(),
            Field = field,
            Candidates = candidates,
            Members = members,
            Reserves = Math.Min(reserves, candidates.Count - members),
            DrawnById = actor.UserId ?? Guid.Empty,
            DrawnAt = now,
        };
        draw.Drawn = ExpertDrawing.Pick(draw.Candidates, draw.Seed, draw.Members + draw.Reserves).ToList();
        db.ExpertDraws.Add(draw);
        var next = group.Count == 0 ? 1 : group.Max(a => a.Position) + 1;
        for (var i = 0; i < draw.Drawn.Count; i++)
        {
            var drawn = NewAssignment(application, draw.Drawn[i], isReserve: i >= draw.Members, next + i, now, draw.Id, null);
            db.ExpertAssignments.Add(drawn);
            await Notifications.Notifications.ExpertAssignedAsync(db, drawn, application, now, ct);
        }
        db.Record(actor, "ExpertsDrawn", nameof(Application), application.Id.ToString(),
            $"随机抽取评审专家 {application.Number}：{draw.Members} 名专家、{draw.Reserves} 名候补（种子 {draw.Seed}）",
            new { drawId = draw.Id, draw.Seed, draw.Field, draw.Candidates, draw.Drawn, draw.Members, draw.Reserves });
        await db.SaveChangesAsync(ct);
        return (draw, []);
    }

    /// <summary>Assigns one expert by hand; a conflict of interest is refused unless the ministry gives a reason.</summary>
    public static async Task<IReadOnlyList<OperationError>> AssignAsync(
        PortalDbContext db, Application application, Guid expertId, bool asReserve, string? overrideReason, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var expert = (await ExpertPool.AllAsync(db, ct)).SingleOrDefault(e => e.UserId == expertId);
        if (expert is null || !expert.IsAvailable)
        {
            return [new OperationError(ExpertField, "请选择专家库中在用的专家。")];
        }
        var group = await GroupAsync(db, application.Id, ct);
        if (group.Any(a => a.ExpertId == expertId))
        {
            return [new OperationError(ExpertField, $"{expert.DisplayName} 已在本申报的评审组中（含已回避或已移出的记录）。")];
        }
        var reason = Clean(overrideReason);
        var conflicts = ExpertConflicts.Of(expert, application);
        if (ReasonTooLong(reason, "理由") is { } tooLong)
        {
            return [tooLong];
        }
        if (conflicts.Count > 0 && reason is null)
        {
            return [new OperationError(ReasonField, $"{expert.DisplayName} 需回避：{string.Join("；", conflicts)}。如确需指派，请填写理由。")];
        }
        var position = group.Count == 0 ? 1 : group.Max(a => a.Position) + 1;
        var assignment = NewAssignment(application, expertId, asReserve, position, now, null, conflicts.Count > 0 ? reason : null);
        db.ExpertAssignments.Add(assignment);
        await Notifications.Notifications.ExpertAssignedAsync(db, assignment, application, now, ct);
        db.Record(actor, conflicts.Count > 0 ? "ExpertAssignedDespiteConflict" : "ExpertAssigned", nameof(Application), application.Id.ToString(),
            $"指派评审专家 {expert.DisplayName}{(asReserve ? "（候补）" : "")} → {application.Number}"
                + (conflicts.Count > 0 ? $"；存在利益冲突（{string.Join("；", conflicts)}），理由：{reason}" : ""),
            new { assignmentId = assignment.Id, expertId, asReserve, conflicts, overrideReason = assignment.ConflictOverrideReason });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The ministry takes an expert off the group (with a reason); a waiting reserve comes in for a member.</summary>
    public static Task<IReadOnlyList<OperationError>> RemoveAsync(
        PortalDbContext db, ExpertAssignment assignment, string? reason, Actor actor, DateTimeOffset now, CancellationToken ct = default) =>
        LeaveAsync(db, assignment, reason, "移出理由",
            assignment.Status is not (AssignmentStatus.Removed or AssignmentStatus.Recused) && assignment.SubmittedAt is null,
            "该专家已回避、已移出或已提交评分表，不能移出。", AssignmentStatus.Removed, "ExpertRemoved",
            (text, promoted) => $"移出评审专家；理由：{text}" + (promoted ? "；候补专家递补" : ""), actor, now, ct);

    /// <summary>The expert confirms there is no conflict of interest; only then the application opens to them.</summary>
    public static async Task<IReadOnlyList<OperationError>> ConfirmNoConflictAsync(
        PortalDbContext db, ExpertAssignment assignment, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (assignment.IsReserve || assignment.Status != AssignmentStatus.Pending)
        {
            return [OperationError.ForRequest("该评审任务当前不需要确认。")];
        }
        assignment.Status = AssignmentStatus.Confirmed;
        assignment.ConfirmedAt = now;
        assignment.UpdatedAt = now;
        db.Record(actor, "ExpertConfirmedNoConflict", nameof(Application), assignment.ApplicationId.ToString(),
            "评审专家确认无利益冲突", new { assignmentId = assignment.Id });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>回避: the expert steps out with a reason, and the first waiting reserve becomes a member.</summary>
    public static Task<IReadOnlyList<OperationError>> RecuseAsync(
        PortalDbContext db, ExpertAssignment assignment, string? reason, Actor actor, DateTimeOffset now, CancellationToken ct = default) =>
        LeaveAsync(db, assignment, reason, "回避理由",
            assignment.Status is (AssignmentStatus.Pending or AssignmentStatus.Confirmed) && assignment.SubmittedAt is null,
            "已提交评分表或已不在评审组中，不能再申请回避。", AssignmentStatus.Recused, "ExpertRecused",
            (text, promoted) => $"评审专家申请回避；理由：{text}" + (promoted ? "；候补专家递补" : "；无候补可递补"), actor, now, ct);

    /// <summary>
    /// An expert leaves the group (removed or recused) with a reason, when <paramref name="allowed"/>; a member's place
    /// goes to the first waiting reserve.
    /// </summary>
    private static async Task<IReadOnlyList<OperationError>> LeaveAsync(
        PortalDbContext db, ExpertAssignment assignment, string? reason, string reasonLabel, bool allowed, string refusal,
        AssignmentStatus status, string action, Func<string?, bool, string> summary, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var text = Clean(reason);
        if (ReasonError(text, reasonLabel) is { } error)
        {
            return [error];
        }
        if (!allowed)
        {
            return [OperationError.ForRequest(refusal)];
        }
        var wasMember = assignment.IsActiveMember;
        assignment.Status = status;
        assignment.RecusalReason = text;
        assignment.UpdatedAt = now;
        var promoted = wasMember ? await PromoteReserveAsync(db, assignment, now, ct) : null;
        db.Record(actor, action, nameof(Application), assignment.ApplicationId.ToString(), summary(text, promoted is not null),
            new { assignmentId = assignment.Id, assignment.ExpertId, reason = text, promoted = promoted?.Id });
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static async Task<ExpertAssignment?> PromoteReserveAsync(PortalDbContext db, ExpertAssignment leaving, DateTimeOffset now, CancellationToken ct)
    {
        var reserve = await db.ExpertAssignments
            .Where(a => a.ApplicationId == leaving.ApplicationId && a.IsReserve && a.Status == AssignmentStatus.Pending)
            .OrderBy(a => a.Position).FirstOrDefaultAsync(ct);
        if (reserve is not null)
        {
            reserve.IsReserve = false;
            reserve.UpdatedAt = now;
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == reserve.ApplicationId, ct);
            await Notifications.Notifications.ExpertAssignedAsync(db, reserve, application, now, ct);
        }
        return reserve;
    }

    private static ExpertAssignment NewAssignment(Application application, Guid expertId, bool isReserve, int position, DateTimeOffset now, Guid? drawId, string? overrideReason) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = application.Id,
        CampaignId = application.CampaignId,
        ExpertId = expertId,
        IsReserve = isReserve,
        Position = position,
        Status = AssignmentStatus.Pending,
        DrawId = drawId,
        ConflictOverrideReason = overrideReason,
        AssignedAt = now,
        UpdatedAt = now,
    };

    internal static OperationError? ReasonError(string? text, string what) =>
        text is null ? new OperationError(ReasonField, $"请填写{what}。") : ReasonTooLong(text, what);

    /// <summary>The length rule of a reason (<paramref name="text"/> cleaned), which a page's validator checks before anything is loaded.</summary>
    public static OperationError? ReasonTooLong(string? text, string what) =>
        text is { Length: > MaxReasonLength } ? new OperationError(ReasonField, $"{what}不能超过 {MaxReasonLength} 字（现有 {text.Length} 字）。") : null;

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Positive, so it reads the same wherever it is shown or typed back in.
    private static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
}
