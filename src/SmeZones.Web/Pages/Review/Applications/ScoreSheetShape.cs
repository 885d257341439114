using FluentValidation;
using SmeZones.Core.Review;

namespace SmeZones.Web.Pages.Review.Applications;

/// <summary>
/// The shape of a posted score sheet (the reviewer's scoring and the expert's sheet post the same three maps): a
/// bounded number of dimensions with short keys, points short enough to be a number, a judgement of pass or fail, and
/// comments within <see cref="ScoringRules.MaxCommentLength"/>. Which dimensions exist and what each needs is
/// <see cref="ScoringRules"/>' business, with the application's assessment loaded.
/// </summary>
public static class ScoreSheetShape
{
    public const int MaxDimensions = 50;
    public const int MaxKeyLength = 64;
    public const int MaxPointsText = 20;

    public static void Check<T>(ValidationContext<T> context, IReadOnlyDictionary<string, string?> points,
        IReadOnlyDictionary<string, string?> judgements, IReadOnlyDictionary<string, string?> comments)
    {
        var all = points.Keys.Concat(judgements.Keys).Concat(comments.Keys).ToList();
        if (points.Count > MaxDimensions || judgements.Count > MaxDimensions || comments.Count > MaxDimensions
            || all.Any(k => k.Length > MaxKeyLength))
        {
            context.AddFailure("", "提交的评分内容不正确，请刷新页面后重新填写。");
            return;
        }
        foreach (var (key, value) in points.Where(p => p.Value is { Length: > MaxPointsText }))
        {
            context.AddFailure($"Points[{key}]", "分数须为数字，如 8 或 8.5。");
        }
        foreach (var (key, value) in judgements.Where(j => !string.IsNullOrWhiteSpace(j.Value) && j.Value.Trim() is not (ScoringRules.Pass or ScoringRules.Fail)))
        {
            context.AddFailure($"Judgements[{key}]", "请选择“通过”或“不通过”。");
        }
        foreach (var (key, value) in comments.Where(c => c.Value?.Trim().Length > ScoringRules.MaxCommentLength))
        {
            context.AddFailure($"Comments[{key}]", $"说明不能超过 {ScoringRules.MaxCommentLength} 个字（现有 {value!.Trim().Length} 个字）");
        }
    }
}
