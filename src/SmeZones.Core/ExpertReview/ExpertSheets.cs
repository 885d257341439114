using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Review;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.ExpertReview;

/// <summary>An expert's score sheet as posted: the scoring inputs, the 评审意见, or an abstention with its reason.</summary>
public sealed record SheetInput(ScoringInput Scoring, string? Opinion, bool Abstain, string? AbstainReason);

/// <summary>
/// The expert's score sheet (专家评分表). The dimensions, maxima, steps and pass rule are the review workspace's
/// (<see cref="ScoringRules"/>); experts additionally write a comment on every dimension and a 评审意见. Submitting
/// locks the sheet; only the ministry reopens it.
/// </summary>
public static class ExpertSheets
{
    public const string OpinionField = "opinion";
    public const string AbstainField = "abstainReason";

    /// <summary>Checks and submits the sheet. Nothing is stored when there are errors.</summary>
    public static async Task<IReadOnlyList<OperationError>> SubmitAsync(
        PortalDbContext db, ExpertAssignment assignment, AssessmentResult assessment, SheetInput input, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (assignment.Status != AssignmentStatus.Confirmed || assignment.IsReserve)
        {
            return [OperationError.ForRequest("请先确认无利益冲突后再评分。")];
        }
        if (assignment.SubmittedAt is not null)
        {
            return [OperationError.ForRequest("评分表已提交并锁定；如需修改，请联系部级管理人员退回。")];
        }
        if (input.Abstain)
        {
            var reason = ExpertPanel.Clean(input.AbstainReason);
            if (ExpertPanel.ReasonError(reason, "弃权理由") is { } error)
            {
                return [error with { Key = AbstainField }];
            }
            assignment.Abstained = true;
            assignment.AbstainReason = reason;
            assignment.Points = [];
            assignment.Judgements = [];
            assignment.Comments = [];
            assignment.Opinion = null;
        }
        else
        {
            var errors = Validate(assessment, input, out var validation, out var opinion);
            if (errors.Count > 0)
            {
                return errors;
            }
            assignment.Abstained = false;
            assignment.AbstainReason = null;
            assignment.Points = new(validation.Points);
            assignment.Judgements = new(validation.Judgements);
            assignment.Comments = new(validation.Comments);
            assignment.Opinion = opinion;
        }
        assignment.SubmittedAt = now;
        assignment.UpdatedAt = now;
        var score = SheetScore.Of(assignment, assessment);
        db.Record(actor, "ExpertSheetSubmitted", "Application", assignment.ApplicationId.ToString(),
            assignment.Abstained ? $"专家弃权；理由：{assignment.AbstainReason}"
                : $"专家提交评分表：{(score?.Total is { } t ? $"总分 {ScoringText.Number(t)} 分，" : "")}{(score?.Passes == true ? "建议通过" : "建议不通过")}",
            new { assignmentId = assignment.Id, assignment.Points, assignment.Judgements, assignment.Comments, assignment.Opinion, assignment.Abstained, assignment.AbstainReason });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The ministry reopens a submitted sheet so the expert can correct it; the reason is audited.</summary>
    public static async Task<IReadOnlyList<OperationError>> ReopenAsync(
        PortalDbContext db, ExpertAssignment assignment, string? reason, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var text = ExpertPanel.Clean(reason);
        if (ExpertPanel.ReasonError(text, "退回理由") is { } error)
        {
            return [error];
        }
        if (assignment.SubmittedAt is null)
        {
            return [OperationError.ForRequest("该评分表尚未提交，无需退回。")];
        }
        var submittedAt = assignment.SubmittedAt;
        assignment.SubmittedAt = null;
        assignment.UpdatedAt = now;
        db.Record(actor, "ExpertSheetReopened", "Application", assignment.ApplicationId.ToString(),
            $"退回专家评分表供修改；理由：{text}", new { assignmentId = assignment.Id, reason = text, submittedAt });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// The other experts' submitted sheets that <paramref name="own"/>'s expert may see: none while the round hides
    /// scores and the expert has not submitted their own.
    /// </summary>
    public static IReadOnlyList<ExpertAssignment> OthersVisibleTo(ExpertAssignment own, IEnumerable<ExpertAssignment> group, ExpertReviewSettings settings) =>
        settings.HideScoresUntilSubmitted && own.SubmittedAt is null
            ? []
            : group.Where(a => a.Id != own.Id && a.SubmittedAt is not null).ToList();

    private static List<OperationError> Validate(AssessmentResult assessment, SheetInput input, out ScoringValidation validation, out string? opinion)
    {
        validation = ScoringRules.Validate(assessment, input.Scoring);
        var errors = validation.Errors.ToList();
        // Experts explain every dimension, not only departures from the suggestion.
        foreach (var dimension in ScoringRules.Dimensions(assessment))
        {
            var key = ScoringRules.CommentKey(dimension.Key);
            if (!validation.Comments.ContainsKey(dimension.Key) && !errors.Any(e => e.Key == key))
            {
                errors.Add(new OperationError(key, $"请填写“{dimension.Title}”的评审说明"));
            }
        }
        opinion = ExpertPanel.Clean(input.Opinion);
        if (opinion is null)
        {
            errors.Add(new OperationError(OpinionField, "请填写评审意见"));
        }
        else if (ScoringRules.CommentTooLong("评审意见", opinion) is { } tooLong)
        {
            errors.Add(new OperationError(OpinionField, tooLong));
        }
        return errors;
    }

    /// <summary>
    /// What can be checked of a posted sheet before its assignment is loaded (a page's validator asks it): the scoring
    /// inputs' shape (<see cref="ScoringRules.CheckShape"/>) and the 评审意见 and 弃权理由 within their lengths. Whether
    /// they are required is <see cref="SubmitAsync"/>'s, which knows whether the expert abstains.
    /// </summary>
    public static IReadOnlyList<OperationError> CheckShape(SheetInput input)
    {
        var errors = ScoringRules.CheckShape(input.Scoring).ToList();
        if (ScoringRules.CommentTooLong("评审意见", ExpertPanel.Clean(input.Opinion)) is { } tooLong)
        {
            errors.Add(new OperationError(OpinionField, tooLong));
        }
        if (ExpertPanel.ReasonTooLong(ExpertPanel.Clean(input.AbstainReason), "弃权理由") is { } reason)
        {
            errors.Add(reason with { Key = AbstainField });
        }
        return errors;
    }
}
