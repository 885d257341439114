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
        .. AddedRows(input, ClusterPlanRules.NationalRules, national: true),
    ];

    /// <summary>新疆 form 004: e, f, g compare with an industry average the form does not give → reviewer.</summary>
    public static IReadOnlyList<RequirementResult> Xinjiang(AssessmentInput input) =>
    [
        .. Common(input, ClusterPlanRules.XinjiangRules),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.IndustrialInternet), "iiPenetration", "工业互联网普及率", reduction: false),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.Co2), "co2", "二氧化碳排放量下降率", reduction: true),
        IndustryAverage(input, ClusterPlanRules.Get(ClusterPlanRules.XinjiangRules, ClusterPlanRules.Energy), "energy", "单位工业产值能耗下降率", reduction: true),
        .. AddedRows(input, ClusterPlanRules.XinjiangRules, national: false),
    ];

    /// <summary>The plan table whose 目标值 rules a–g govern.</summary>
    private const string PlanTable = "plan.targets";

    /// <summary>
    /// Rows the applicant added where the form prints "......": each is checked against the rule of a–g its indicator
    /// names, exactly as the printed row of that rule (an added "研发人员投入" row is held to c like 研发经费). An
    /// indicator that names none of a–g is put before the reviewer, since the 备注 set no figure for it.
    /// </summary>
    private static IEnumerable<RequirementResult> AddedRows(AssessmentInput input, IReadOnlyList<Rule> rules, bool national)
    {
        var table = input.Form.Sections.SelectMany(s => s.Fields).FirstOrDefault(f => f.Key == input.Map(PlanTable));
        foreach (var direction in table?.Directions ?? [])
        {
            for (var n = 1; n <= (direction.ExtraRows ?? 0); n++)
            {
                var row = $"{direction.Key}Extra{n}";
                if (input.Text($"{PlanTable}.{row}.indicator") is not { } indicator)
                {
                    continue;
                }
                var ruleKey = RuleFor(indicator);
                if (ruleKey is null)
                {
                    var unmatched = new Rule($"plan.added.{row}", $"新增指标：{indicator}", "新增指标（备注 a–g 未列出的指标）", rules[0].Source);
                    var figures = new[] { Cell(input, row, "baseline", string.Empty).Figure, Cell(input, row, "target", string.Empty).Figure };
                    yield return unmatched.Result(RequirementOutcome.ReviewerJudgement,
                        $"{direction.Label}方向新增指标“{indicator}”不对应备注 a–g 中的任一项，由审核人对照规划判断其目标是否科学合理", figures);
                    continue;
                }
                var printed = ClusterPlanRules.Get(rules, ruleKey);
                var rule = printed with { Key = $"{printed.Key}.{row}", Title = $"{printed.Title}（新增指标：{indicator}）" };
                yield return ruleKey switch
                {
                    ClusterPlanRules.OutputGrowth when indicator.Contains("增速", StringComparison.Ordinal) => OutputGrowth(input, rule, row),
                    ClusterPlanRules.OutputGrowth => Growth(input, rule, row, indicator, 10m),
                    ClusterPlanRules.QualitySmes => Rising(input, rule, row),
                    ClusterPlanRules.RdSpending => Growth(input, rule, row, indicator, 10m),
                    ClusterPlanRules.Patents => Growth(input, rule, row, indicator, 15m),
                    ClusterPlanRules.IndustrialInternet when national => AtLeastAbout(input, rule, row, indicator, 45m),
                    ClusterPlanRules.Co2 when national => Reduction(input, rule, row, indicator, 18m),
                    ClusterPlanRules.Energy when national => Reduction(input, rule, row, indicator, 13.5m),
                    ClusterPlanRules.IndustrialInternet => IndustryAverage(input, rule, row, indicator, reduction: false),
                    _ => IndustryAverage(input, rule, row, indicator, reduction: true),
                };
            }
        }
    }

    /// <summary>Which of a–g an indicator's words name (the more specific words first); null when none.</summary>
    internal static string? RuleFor(string indicator)
    {
        bool Has(params string[] words) => words.Any(w => indicator.Contains(w, StringComparison.Ordinal));
        return Has("二氧化碳", "碳排放") ? ClusterPlanRules.Co2
            : Has("能耗") ? ClusterPlanRules.Energy
            : Has("工业互联网") ? ClusterPlanRules.IndustrialInternet
            : Has("专利") ? ClusterPlanRules.Patents
            : Has("研发") ? ClusterPlanRules.RdSpending
            : Has("优质中小企业", "专精特新") ? ClusterPlanRules.QualitySmes
            : Has("产值") ? ClusterPlanRules.OutputGrowth
            : null;
    }

    private static IEnumerable<RequirementResult> Common(AssessmentInput input, IReadOnlyList<Rule> rules)
    {
        yield return OutputGrowth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.OutputGrowth), "outputGrowth");
        yield return Rising(input, ClusterPlanRules.Get(rules, ClusterPlanRules.QualitySmes), "qualitySmes");
        yield return Growth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.RdSpending), "rdSpending", "研发经费投入", 10m);
        yield return Growth(input, ClusterPlanRules.Get(rules, ClusterPlanRules.Patents), "patents", "有效发明专利数量", 15m);
    }

    private static string TargetYear(AssessmentInput input) => Fmt.Year(input.RoundYear + 2);

    private static NumberRead Cell(AssessmentInput input, string row, string column, string unit) =>
        PlanCells.Read(input, $"plan.targets.{row}.{column}", unit);

    /// <summary>
    /// The row's 基准值 and 目标值 with the figures used, or the data-missing result that says which is missing:
    /// a ratio of the two (the growth or reduction named) needs a 基准值 above 0.
    /// </summary>
    private static (decimal Baseline, decimal Target, List<FigureUsed> Figures, RequirementResult? Missing) PositiveBaselineAndTarget(
        AssessmentInput input, Rule rule, string row, string name, string ratio)
    {
        var baseline = Cell(input, row, "baseline", string.Empty);
        var target = Cell(input, row, "target", string.Empty);
        var figures = new List<FigureUsed> { baseline.Figure, target.Figure };
        if (baseline.Value is not { } b || target.Value is not { } t || b <= 0)
        {
            var why = baseline.IsMissing ? $"基准值{baseline.Problem}" : target.IsMissing ? $"目标值{target.Problem}" : $"基准值须大于0才能计算{ratio}";
            return (0m, 0m, figures, rule.Result(RequirementOutcome.DataMissing, $"{name}{why}", figures));
        }
        return (b, t, figures, null);
    }

    /// <summary>a: the target row is itself a rate ("近三年集群产值年均增速"), so its 目标值 is compared.</summary>
    private static RequirementResult OutputGrowth(AssessmentInput input, Rule rule, string row)
    {
        var target = Cell(input, row, "target", "%");
        var check = Thresholds.Fixed(new Threshold(rule.Key, rule.Title, Comparison.AtLeast, 10m, "%"), target, $"{TargetYear(input)}近三年集群产值年均增速目标值");
        return rule.Result(check.Outcome, check.Sentence, [target.Figure]);
    }

    /// <summary>
    /// b: "逐年增加" over 3 years needs at least one more firm each year, so 目标值 ≥ 基准值 + 3. The yearly
    /// stages (阶段性目标) are in the plan text for the reviewer.
    /// </summary>
    private static RequirementResult Rising(AssessmentInput input, Rule rule, string row)
    {
        var baseline = Cell(input, row, "baseline", "家");
        var target = Cell(input, row, "target", "家");
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
        var (b, t, figures, missing) = PositiveBaselineAndTarget(input, rule, row, name, "年均增速");
        if (missing is not null)
        {
            return missing;
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
        var (b, t, figures, missing) = PositiveBaselineAndTarget(input, rule, row, name, "降低率");
        if (missing is not null)
        {
            return missing;
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
