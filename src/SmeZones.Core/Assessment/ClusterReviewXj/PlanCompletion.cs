namespace SmeZones.Core.Assessment;

/// <summary>
/// 复核 (form 004, 三、发展成效): each target set in the previous plan against what was achieved.
/// "Up" indicators are met when 完成值 ≥ 目标值; "down" indicators (emissions, energy per unit) when
/// 完成值 ≤ 目标值. The completion rate shown: up = 完成值 ÷ 目标值; down = achieved reduction ÷ planned
/// reduction ((基准值 − 完成值) ÷ (基准值 − 目标值)), or 目标值 ÷ 完成值 when no reduction was planned.
/// </summary>
internal static class PlanCompletion
{
    private const string Source = "复核申报表（004）三、发展成效";

    /// <summary>Printed indicators: row key, name, unit, lower is better.</summary>
    private static readonly (string Row, string Name, string Unit, bool Down)[] Rows =
    [
        ("outputGrowth", "近三年集群产值年均增速", "%", false),
        ("qualitySmes", "优质中小企业数量", "家", false),
        ("rdSpending", "研发经费投入", string.Empty, false),
        ("patents", "有效发明专利数量", string.Empty, false),
        ("iiPenetration", "工业互联网普及率", "%", false),
        ("co2", "二氧化碳排放量", string.Empty, true),
        ("energy", "单位工业产值能耗", string.Empty, true),
    ];

    /// <summary>The requirement keys of the printed rows (added and qualitative rows come after them).</summary>
    public static IReadOnlyList<string> PrintedKeys { get; } = Rows.Select(r => "completion." + r.Row).ToList();

    public static IReadOnlyList<string> QualitativeKeys { get; } = ["completion.openness", "completion.governance"];

    public static IReadOnlyList<RequirementResult> Evaluate(AssessmentInput input)
    {
        var results = Rows.Select(r => Quantitative(input, r.Row, r.Name, r.Unit, r.Down)).ToList();
        results.AddRange(AddedRows(input));
        results.Add(Qualitative(input, "openness", "开放合作"));
        results.Add(Qualitative(input, "governance", "治理和服务"));
        return results;
    }

    private static Rule RuleFor(AssessmentInput input, string row, string name) =>
        new($"completion.{row}", $"{name}目标完成情况", $"{name}：{Fmt.Year(input.RoundYear - 1)}完成值对照{Fmt.Year(input.RoundYear - 3)}所定{Fmt.Year(input.RoundYear - 1)}目标值", Source);

    private static RequirementResult Quantitative(AssessmentInput input, string row, string name, string unit, bool down)
    {
        var rule = RuleFor(input, row, name);
        var baseline = PlanCells.Read(input, $"plan.achievement.{row}.baseline", unit);
        var target = PlanCells.Read(input, $"plan.achievement.{row}.target", unit);
        var achieved = PlanCells.Read(input, $"plan.achievement.{row}.achieved", unit);
        var figures = new List<FigureUsed> { baseline.Figure, target.Figure, achieved.Figure };
        if (target.Value is not { } t || achieved.Value is not { } a)
        {
            return rule.Result(RequirementOutcome.DataMissing, $"{name}：{(target.IsMissing ? "目标值" + target.Problem : "完成值" + achieved.Problem)}", figures);
        }

        var holds = down ? a <= t : a >= t;
        var rate = CompletionRate.Of(baseline.Value, t, a, down);
        if (rate is not null)
        {
            // The formula beside the figure, written by the code that computed it (issue 8 item 13).
            figures.Add(new FigureUsed($"{name}完成率", rate.Percent, "%", null, null, rate.Formula));
        }

        var direction = down ? "（下降类指标，完成值不高于目标值为完成）" : string.Empty;
        var sentence = $"{name}目标值 {Fmt.WithUnit(t, unit)}，完成值 {Fmt.WithUnit(a, unit)}{(rate is not null ? $"，完成率 {Fmt.Number(rate.Percent)}%" : string.Empty)}，{(holds ? "已完成" : "未完成")}{direction}";
        return rule.Result(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence, figures);
    }


    /// <summary>Whether a printed plan row is a "down" indicator (emissions, energy per unit): lower is better.</summary>
    internal static bool IsDown(string row) => Rows.Any(r => r.Row == row && r.Down);

    /// <summary>Rows the applicant added ("......"): their direction is unknown, so the reviewer decides.</summary>
    private static IEnumerable<RequirementResult> AddedRows(AssessmentInput input)
    {
        var rowKeys = input.Form.Sections.SelectMany(s => s.Fields).Where(f => f.Key == "plan.achievement")
            .SelectMany(f => f.Directions ?? []).SelectMany(d => Enumerable.Range(1, d.ExtraRows ?? 0).Select(n => $"{d.Key}Extra{n}"));
        foreach (var row in rowKeys)
        {
            if (input.Text($"plan.achievement.{row}.indicator") is not { } indicator)
            {
                continue;
            }

            var rule = RuleFor(input, row, indicator);
            var target = PlanCells.Read(input, $"plan.achievement.{row}.target", string.Empty);
            var achieved = PlanCells.Read(input, $"plan.achievement.{row}.achieved", string.Empty);
            var figures = new[] { PlanCells.Read(input, $"plan.achievement.{row}.baseline", string.Empty).Figure, target.Figure, achieved.Figure };
            yield return target.IsMissing || achieved.IsMissing
                ? rule.Result(RequirementOutcome.DataMissing, $"{indicator}：{(target.IsMissing ? "目标值" + target.Problem : "完成值" + achieved.Problem)}", figures)
                : rule.Result(RequirementOutcome.ReviewerJudgement, $"{indicator}（新增指标）目标值 {Fmt.Number(target.Value!.Value)}，完成值 {Fmt.Number(achieved.Value!.Value)}；指标方向未知，由评审判断是否完成", figures);
        }
    }

    private static RequirementResult Qualitative(AssessmentInput input, string row, string name)
    {
        var rule = RuleFor(input, row, name);
        var target = input.Text($"plan.achievement.{row}.target");
        var achieved = input.Text($"plan.achievement.{row}.achieved");
        var figures = new[]
        {
            new FigureUsed(input.Label($"plan.achievement.{row}.target"), null, string.Empty, $"plan.achievement.{row}.target", null, target),
            new FigureUsed(input.Label($"plan.achievement.{row}.achieved"), null, string.Empty, $"plan.achievement.{row}.achieved", null, achieved),
        };
        return target is null || achieved is null
            ? rule.Result(RequirementOutcome.DataMissing, $"{name}（定性描述）：{(target is null ? "目标值" : "完成值")}未填写", figures)
            : rule.Result(RequirementOutcome.ReviewerJudgement, $"{name}为定性目标，完成情况由评审判断", figures);
    }
}

/// <summary>
/// A 完成率 and its formula with the figures put in. Each branch computes the rate and writes its words together, so
/// what the reviewer reads beside the figure is what was computed: 下降类 indicators by the progress from the 基准值
/// (planned reduction achieved), or 目标值 ÷ 完成值 where no reduction from the 基准值 was planned; others 完成值 ÷ 目标值.
/// </summary>
internal sealed record CompletionRate(decimal Percent, string Formula)
{
    public static CompletionRate? Of(decimal? baseline, decimal target, decimal achieved, bool down)
    {
        if (down && baseline is { } b && b > target)
        {
            return Percentage((b - achieved) / (b - target),
                $"下降类指标，按自基准值起的下降进度计算：（基准值 {Fmt.Number(b)} − 完成值 {Fmt.Number(achieved)}）÷（基准值 {Fmt.Number(b)} − 目标值 {Fmt.Number(target)}）× 100%");
        }

        if (down)
        {
            return achieved > 0
                ? Percentage(target / achieved, $"下降类指标，未计划自基准值下降：目标值 {Fmt.Number(target)} ÷ 完成值 {Fmt.Number(achieved)} × 100%")
                : null;
        }

        return target > 0 ? Percentage(achieved / target, $"完成值 {Fmt.Number(achieved)} ÷ 目标值 {Fmt.Number(target)} × 100%") : null;
    }

    private static CompletionRate Percentage(decimal ratio, string formula) =>
        new(Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero), formula);
}
