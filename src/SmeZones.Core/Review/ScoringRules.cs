using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Review;

/// <summary>How a round is scored: points per dimension (zones), or pass/fail per dimension (clusters).</summary>
public enum ScoringKind
{
    Points,
    Judgements,
}

/// <summary>One thing the reviewer scores or judges, with the engine's suggestion where there is one.</summary>
/// <param name="Key">The assessment group's key (zones: the <see cref="ZoneScore.MaxPoints"/> keys).</param>
/// <param name="MaxPoints">Zones: the dimension's maximum; null where judged pass/fail.</param>
/// <param name="SuggestedPoints">Zones: <see cref="ZoneScore.Suggest(AssessmentResult)"/>; null when nothing in it can be checked.</param>
/// <param name="SuggestionBasis">Why that suggestion (Chinese).</param>
public sealed record ScoringDimension(string Key, string Title, decimal? MaxPoints, decimal? MinPointsToPass, decimal? SuggestedPoints, string? SuggestionBasis);

/// <summary>What the reviewer posted, as typed: dimension key → text.</summary>
public sealed record ScoringInput(
    IReadOnlyDictionary<string, string?> Points, IReadOnlyDictionary<string, string?> Judgements, IReadOnlyDictionary<string, string?> Comments);

/// <summary>The checked scoring: what to store when <see cref="IsValid"/>, the messages otherwise.</summary>
public sealed record ScoringValidation(
    IReadOnlyList<OperationError> Errors,
    IReadOnlyDictionary<string, decimal> Points,
    IReadOnlyDictionary<string, string> Judgements,
    IReadOnlyDictionary<string, string> Comments)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The scoring rules of the review workspace. Zones (认定标准（2024年版）): each dimension 0 to its maximum in steps of
/// 0.5, and a comment wherever the points depart from the portal's suggestion, because the suggestion is the only
/// written basis the standard gives a reader of the score. Clusters (认定标准（2022年版）, 复核): pass or fail for each
/// dimension, always with the reason, because a province that turns an application down must say why.
/// </summary>
public static class ScoringRules
{
    public const string Pass = "pass";

    /// <summary>Points are given in steps of 0.5 (the score inputs' <c>step</c>, checked again on the server).</summary>
    public const decimal PointsStep = ZoneScore.Step;
    public const string Fail = "fail";

    /// <summary>The same limit as a decision's reason: enough for a paragraph, not for a pasted report.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Error keys: the dimension's points, judgement or comment, so the page can put a message next to that control.</summary>
    public static string PointsKey(string dimensionKey) => "points:" + dimensionKey;

    public static string JudgementKey(string dimensionKey) => "judgement:" + dimensionKey;

    public static string CommentKey(string dimensionKey) => "comment:" + dimensionKey;

    public static ScoringKind KindOf(AssessmentResult assessment) =>
        CriteriaEditions.Get(assessment.CriteriaEditionKey).ScoresPoints ? ScoringKind.Points : ScoringKind.Judgements;

    /// <summary>
    /// Zones: the five scored dimensions with their suggestions. Clusters: every group but the gates (the eight
    /// dimensions and the plan rules; for 复核 the completion of the old plan and the new plan), since the gates are
    /// checked, not judged.
    /// </summary>
    public static IReadOnlyList<ScoringDimension> Dimensions(AssessmentResult assessment)
    {
        if (KindOf(assessment) == ScoringKind.Points)
        {
            var suggestions = ZoneScore.Suggest(assessment).ToDictionary(s => s.DimensionKey, StringComparer.Ordinal);
            return assessment.Groups.Where(g => g.Kind == GroupKind.Dimension && g.MaxPoints is not null)
                .Select(g => new ScoringDimension(g.Key, g.Title, g.MaxPoints, g.MinPointsToPass, suggestions[g.Key].Points, suggestions[g.Key].Basis))
                .ToList();
        }
        return assessment.Groups.Where(g => g.Kind != GroupKind.Gates)
            .Select(g => new ScoringDimension(g.Key, g.Title, null, null, null, null))
            .ToList();
    }

    public static ScoringValidation Validate(AssessmentResult assessment, ScoringInput input)
    {
        var errors = new List<OperationError>();
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var judgements = new Dictionary<string, string>(StringComparer.Ordinal);
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        var kind = KindOf(assessment);
        foreach (var dimension in Dimensions(assessment))
        {
            var comment = Trimmed(input.Comments.GetValueOrDefault(dimension.Key));
            if (comment is not null)
            {
                comments[dimension.Key] = comment;
            }
            if (CommentTooLong($"“{dimension.Title}”的说明", comment) is { } tooLong)
            {
                errors.Add(new(CommentKey(dimension.Key), tooLong));
            }

            if (kind == ScoringKind.Points)
            {
                var pointsError = ParsePoints($"“{dimension.Title}”的得分", dimension.MaxPoints!.Value, input.Points.GetValueOrDefault(dimension.Key), out var value);
                if (pointsError is not null)
                {
                    errors.Add(new(PointsKey(dimension.Key), pointsError));
                    continue;
                }
                points[dimension.Key] = value;
                if (dimension.SuggestedPoints is { } suggested && value != suggested && comment is null)
                {
                    errors.Add(new(CommentKey(dimension.Key),
                        $"“{dimension.Title}”的得分 {ScoringText.Number(value)} 分与建议分 {ScoringText.Number(suggested)} 分不同，请说明理由"));
                }
            }
            else
            {
                var judgement = Trimmed(input.Judgements.GetValueOrDefault(dimension.Key));
                if (judgement is not null && IsJudgement(judgement))
                {
                    judgements[dimension.Key] = judgement;
                }
                else
                {
                    errors.Add(new(JudgementKey(dimension.Key), $"请选择“{dimension.Title}”是否通过"));
                }
                if (comment is null)
                {
                    errors.Add(new(CommentKey(dimension.Key), $"请填写“{dimension.Title}”的判断理由"));
                }
            }
        }
        return new ScoringValidation(errors, points, judgements, comments);
    }

    /// <summary>The pass rule applied to stored points; null for clusters or while a dimension has none.</summary>
    public static ZoneScoreResult? Result(AssessmentResult assessment, IReadOnlyDictionary<string, decimal> points) =>
        KindOf(assessment) == ScoringKind.Points && ZoneScore.MaxPoints.Keys.All(points.ContainsKey)
            ? ZoneScore.Evaluate(assessment, points)
            : null;

    /// <summary>The most dimensions a posted sheet may name, and the longest key: far beyond any edition's, short of abuse.</summary>
    public const int MaxPostedDimensions = 50;

    public const int MaxKeyLength = 64;

    /// <summary>
    /// What can be checked of a posted sheet before its application is loaded: a bounded number of short keys; points
    /// that are given read as a number from 0 to the dimension's maximum in steps of 0.5 (zones' dimensions, from
    /// <see cref="ZoneScore.MaxPoints"/>); a judgement that is given is pass or fail; comments within
    /// <see cref="MaxCommentLength"/>. Which dimensions must be filled, and the comment a departure needs, is
    /// <see cref="Validate"/>'s with the assessment. Keys as <see cref="Validate"/>'s.
    /// </summary>
    public static IReadOnlyList<OperationError> CheckShape(ScoringInput input)
    {
        var keys = input.Points.Keys.Concat(input.Judgements.Keys).Concat(input.Comments.Keys).ToList();
        if (input.Points.Count > MaxPostedDimensions || input.Judgements.Count > MaxPostedDimensions || input.Comments.Count > MaxPostedDimensions
            || keys.Any(k => k.Length > MaxKeyLength))
        {
            return [OperationError.ForRequest("提交的评分内容不正确，请刷新页面后重新填写。")];
        }
        var errors = new List<OperationError>();
        foreach (var (key, raw) in input.Points)
        {
            // A blank is "not yet scored" here; whether the dimension must be scored is Validate's, with the assessment.
            if (!string.IsNullOrWhiteSpace(raw) && ZoneScore.MaxPoints.TryGetValue(key, out var max)
                && ParsePoints("得分", max, raw, out _) is { } error)
            {
                errors.Add(new(PointsKey(key), error));
            }
        }
        foreach (var (key, raw) in input.Judgements)
        {
            if (Trimmed(raw) is { } judgement && !IsJudgement(judgement))
            {
                errors.Add(new(JudgementKey(key), "请选择“通过”或“不通过”"));
            }
        }
        foreach (var (key, raw) in input.Comments)
        {
            if (CommentTooLong("说明", Trimmed(raw)) is { } tooLong)
            {
                errors.Add(new(CommentKey(key), tooLong));
            }
        }
        return errors;
    }

    /// <summary>The one length rule of a scoring text (a dimension's comment, an expert's 评审意见), in the reader's words.</summary>
    public static string? CommentTooLong(string subject, string? trimmed) =>
        trimmed is { Length: > MaxCommentLength } ? $"{subject}不能超过 {MaxCommentLength} 个字（现有 {trimmed.Length} 个字）" : null;

    private static bool IsJudgement(string? value) => value is Pass or Fail;

    // Read as the form reads numbers (full-width digits too), then checked against the dimension in the reviewer's words.
    private static string? ParsePoints(string subject, decimal maxPoints, string? raw, out decimal value)
    {
        value = 0;
        var max = ScoringText.Number(maxPoints);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return $"请填写{subject}（0–{max} 分）";
        }
        if (!FormNumbers.TryParse(raw, out value, out _))
        {
            return $"{subject}须为数字，例如 12 或 12.5";
        }
        if (value < 0)
        {
            return $"{subject}不能小于 0 分";
        }
        if (value > maxPoints)
        {
            return $"{subject}不能超过 {max} 分";
        }
        if (value % ZoneScore.Step != 0)
        {
            return $"{subject}须为 0.5 分的整数倍（如 12 或 12.5）";
        }
        return null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
