namespace SmeZones.Core.Assessment;

/// <summary>
/// The plan table's targets (<c>plan.targets.{row}.baseline|target</c>, 基准值 of the year before the round,
/// 目标值 three years later) checked against rules a–g. Growth and reduction rules are compared exactly on
/// the two cells: "年均增速不低于10%" over 3 years means 目标值 ≥ 基准值 × 1.1³; "降低18%" means 目标值 ≤ 基准值 × 0.82.
/// </summary>
internal static class ClusterPlanTargets
{
    /// <summary>The plan runs from the 基准值 year ({y-1}) to the 目标值 year ({y+2}).</summary>
    private const int Years = 3;

    /// <summary>National form 003: e, f, g are "左右" figures, checked as at least the figure.</summary>
    public static IReadOnlyList<RequirementResult> National(AssessmentInput input) =>
    [
        .. Common(input, ClusterPlanRules.NationalRules),
        AtLeastAbout(input, ClusterPlanRules.Get(ClusterPlanRules.NationalRules, ClusterPlanRules.IndustrialInternet), "iiPenetration", "工业互联网普及率", 45m),
        Reduction(input, ClusterPlanRules.Get(ClusterPlanRules.NationalRules, ClusterPlanRules.Co2), "co2", "二氧化碳排放量", 18m),
        Reduction(input, ClusterPlanRules.Get(ClusterPlanRules.NationalRules, ClusterPlanRules.Energy), "energy", "单位工业产值能耗", 13.5m),
    ];

    /// <summary>新疆 form 004: e, f, g compare with an industry average the form does not give → reviewer.</summary>
    public static IReadOnlyList<RequirementResult> Xinjiang(AssessmentInput input) =>
    [
        .. Common(input, ClusterPlanRules.XinjiangRules),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.IndustrialInternet), "iiPenetration", "工业互联网普及率", reduction: false),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.Co2), "co2", "二氧化碳排放量下降率", reduction: true),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.Energy), "energy", "单位工业产值能耗下降率", reduction: true),
    ];

    private static IEnumerable<RequirementResult> Common(AssessmentInput input, IReadOnlyList<Rule> rules)
    {
        yield return OutputGrowth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.OutputGrowth));
        yield return Rising(input, ClusterPlanRules.Get(rules, ClusterPlanRules.QualitySmes));
        yield return Growth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.RdSpending), "rdSpending", "研发经费投入", 10m);
        yield return Growth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.Patents), "patents", "有效发明专利数量", 15m);
    }

    private static string TargetYear(AssessmentInput input) => Fmt.Year(input.RoundYear + 2);

    private static NumberRead Cell(AssessmentInput input, string row, string column, string unit) =>
        PlanCells.Read(input, $"plan.targets.{row}.{column}", unit);

    /// <summary>a: the target row is itself a rate ("近三年集群产值年均增速"), so its 目标值 is compared.</summary>
    private static RequirementResult OutputGrowth(AssessmentInput input, Rule rule)
    {
        var target = Cell(input, "outputGrowth", "target", "%");
        var check = Thresholds.Fixed(new Threshold(rule.Key, rule.Title, Comparison.AtLeast, 10m, "%"), target, $"{TargetYear(input)}近三年集群产值年均增速目标值");
        return rule.Result(check.Outcome, check.Sentence, [target.Figure]);
    }

    /// <summary>
    /// b: "逐年增加" over 3 years needs at least one more firm each year, so 目标值 ≥ 基准值 + 3. The yearly
    /// stages (阶段性目标) are in the plan text for the reviewer.
    /// </summary>
    private static RequirementResult Rising(AssessmentInput input, Rule rule)
    {
        var baseline = Cell(input, "qualitySmes", "baseline", "家");
        var target = Cell(input, "qualitySmes", "target", "家");
        var figures = new[] { baseline.Figure, target.Figure };
        if (baseline.Value is not { } b || target.Value is not { } t)
        {
            return rule.Result(RequirementOutcome.DataMissing, $"优质中小企业数量基准值{(baseline.IsMissing ? baseline.Problem : "已填写")}，目标值{(target.IsMissing ? target.Problem : "已填写")}", figures);
        }

        var added = t - b;
        var holds = added >= Years;
        var sentence = $"优质中小企业数量基准值 {Fmt.Number(b)}家，{TargetYear(input)}目标值 {Fmt.Number(t)}家，三年增加 {Fmt.Number(added)}家；逐年增加须每年至少增加1家，即三年至少增加{Years}家";
        return rule.Result(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence + (holds ? "（各年度目标见规划“阶段性目标”）" : "，未达到"), figures);
    }

    /// <summary>c, d: 年均增速 over 3 years from 基准值 to 目标值, compared exactly: 目标值 ≥ 基准值 × (1 + r)³.</summary>
    private static RequirementResult Growth(AssessmentInput input, Rule rule, string row, string name, decimal ratePercent)
    {
        var baseline = Cell(input, row, "baseline", string.Empty);
        var target = Cell(input, row, "target", string.Empty);
        var figures = new List<FigureUsed> { baseline.Figure, target.Figure };
        if (baseline.Value is not { } b || target.Value is not { } t || b <= 0)
        {
            var why = baseline.IsMissing ? $"基准值{baseline.Problem}" : target.IsMissing ? $"目标值{target.Problem}" : "基准值须大于0才能计算年均增速";
            return rule.Result(RequirementOutcome.DataMissing, $"{name}{why}", figures);
        }

        var required = b * CompoundGrowth.Power(1m + (ratePercent / 100m), Years);
        var holds = t >= required;
        var average = (Math.Pow((double)(t / b), 1.0 / Years) - 1.0) * 100.0;
        figures.Add(new FigureUsed($"{name}年均增速（按基准值与目标值计算）", Math.Round((decimal)average, 2, MidpointRounding.AwayFromZero), "%", null, null));
        var sentence = $"{name}基准值 {Fmt.Number(b)}，{TargetYear(input)}目标值 {Fmt.Number(t)}，三年年均增速 {Fmt.Average(average, ratePercent)}%，{(holds ? "不低于" : "低于")}{Fmt.Number(ratePercent)}%（须目标值 ≥ {Fmt.Number(b)} × {Fmt.Number(1m + (ratePercent / 100m))}³ = {Fmt.Number(Math.Round(required, 4))}）";
        return rule.Result(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence, figures);
    }

    /// <summary>e (003): "达到45%左右" — the portal cannot weigh "左右", so it checks 目标值 ≥ 45% and says so.</summary>
    private static RequirementResult AtLeastAbout(AssessmentInput input, Rule rule, string row, string name, decimal figure)
    {
        var target = Cell(input, row, "target", "%");
        var check = Thresholds.Fixed(new Threshold(rule.Key, rule.Title, Comparison.AtLeast, figure, "%"), target, $"{TargetYear(input)}{name}目标值");
        return rule.Result(check.Outcome, $"{check.Sentence}（“{Fmt.Number(figure)}%左右”按不低于{Fmt.Number(figure)}%判定）", [target.Figure]);
    }

    /// <summary>f, g (003): "降低达到18%左右" — (基准值 − 目标值) ÷ 基准值 ≥ 18%, checked as at least the figure.</summary>
    private static RequirementResult Reduction(AssessmentInput input, Rule rule, string row, string name, decimal percent)
    {
        var baseline = Cell(input, row, "baseline", string.Empty);
        var target = Cell(input, row, "target", string.Empty);
        var figures = new List<FigureUsed> { baseline.Figure, target.Figure };
        if (baseline.Value is not { } b || target.Value is not { } t || b <= 0)
        {
            var why = baseline.IsMissing ? $"基准值{baseline.Problem}" : target.IsMissing ? $"目标值{target.Problem}" : "基准值须大于0才能计算降低率";
            return rule.Result(RequirementOutcome.DataMissing, $"{name}{why}", figures);
        }

        var reduction = (b - t) / b * 100m;
        var holds = (b - t) * 100m >= percent * b;
        figures.Add(new FigureUsed($"{name}降低率（按基准值与目标值计算）", Math.Round(reduction, 2, MidpointRounding.AwayFromZero), "%", null, null));
        var sentence = $"{name}基准值 {Fmt.Number(b)}，{TargetYear(input)}目标值 {Fmt.Number(t)}，降低 {Fmt.Average((double)reduction, percent)}%，{(holds ? "达到" : "未达到")}{Fmt.Number(percent)}%（“{Fmt.Number(percent)}%左右”按不低于{Fmt.Number(percent)}%判定）";
        return rule.Result(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence, figures);
    }

    /// <summary>e, f, g (004): "不低于行业平均水平" — the form gives no industry average, so the reviewer compares.</summary>
    private static RequirementResult IndustryAverage(AssessmentInput input, Rule rule, string row, string name, bool reduction)
    {
        var baseline = Cell(input, row, "baseline", reduction ? string.Empty : "%");
        var target = Cell(input, row, "target", reduction ? string.Empty : "%");
        var figures = new List<FigureUsed> { baseline.Figure, target.Figure };
        if (target.IsMissing || (reduction && baseline.IsMissing))
        {
            return rule.Result(RequirementOutcome.DataMissing, $"{name}：{(target.IsMissing ? "目标值" + target.Problem : "基准值" + baseline.Problem)}", figures);
        }

        var shown = $"{TargetYear(input)}目标值 {Fmt.Number(target.Value!.Value)}{(reduction ? string.Empty : "%")}";
        if (reduction && baseline.Value is > 0 and var b)
        {
            var rate = Math.Round((b - target.Value!.Value) / b * 100m, 2, MidpointRounding.AwayFromZero);
            figures.Add(new FigureUsed($"{name}（按基准值与目标值计算）", rate, "%", null, null));
            shown = $"基准值 {Fmt.Number(b)}，{shown}，{name} {Fmt.Number(rate)}%";
        }

        return rule.Result(RequirementOutcome.ReviewerJudgement, $"{shown}；申报表未提供行业平均水平，由评审对照行业平均水平判断", figures);
    }
}
