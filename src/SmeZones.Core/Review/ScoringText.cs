using System.Globalization;
using SmeZones.Core.Assessment;

namespace SmeZones.Core.Review;

/// <summary>How the workspace words an assessment in Chinese: outcome names, relaxations, numbers.</summary>
public static class ScoringText
{
    /// <summary>符合 / 不符合 / 需审核人判断 / 数据缺失. (Not an extension method, so no other page's names can clash with it.)</summary>
    public static string Outcome(RequirementOutcome outcome) => outcome switch
    {
        RequirementOutcome.Met => "符合",
        RequirementOutcome.NotMet => "不符合",
        RequirementOutcome.ReviewerJudgement => "需审核人判断",
        RequirementOutcome.DataMissing => "数据缺失",
        _ => outcome.ToString(),
    };

    /// <summary>
    /// "已按中西部/东北放宽：原标准 10家，放宽为 8家". The zone standard relaxes for 中西部、东北, the cluster standard for
    /// 西部; the phrase names the rule's wording rather than the applicant's class, as the standards do.
    /// </summary>
    public static string Relaxation(AppliedRelaxation relaxation, string criteriaEditionKey)
    {
        var regions = CriteriaEditions.Get(criteriaEditionKey).RelaxedRegionsText;
        return $"已按{regions}放宽：原标准 {Number(relaxation.OriginalThreshold)}{relaxation.Unit}，放宽为 {Number(relaxation.RelaxedThreshold)}{relaxation.Unit}";
    }

    /// <summary>
    /// A figure as the page shows it: "12家", "3项（政策宣贯；市场开拓）", the answer's words ("是", "已勾选") where the
    /// number is only a tick's 1 or 0, or "未填写".
    /// </summary>
    public static string Figure(FigureUsed figure)
    {
        var text = string.IsNullOrWhiteSpace(figure.Text) ? null : figure.Text.Trim();
        return (figure.Value, text) switch
        {
            (null, null) => "未填写",
            (null, { } words) => words,
            ({ } _, { } words) when figure.Unit.Length == 0 => words,
            ({ } value, { } words) => $"{Number(value)}{figure.Unit}（{words}）",
            ({ } value, null) => Number(value) + figure.Unit,
        };
    }

    /// <summary>No trailing zeros: "12", "13.5", "99.99".</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
