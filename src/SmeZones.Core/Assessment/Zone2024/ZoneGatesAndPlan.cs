namespace SmeZones.Core.Assessment;

/// <summary>The zone standard's gates and dimension 一 (发展规划).</summary>
internal static class ZoneGatesAndPlan
{
    public static IReadOnlyList<RequirementResult> Gates(AssessmentInput input, CriteriaEdition edition) =>
    [
        Revenue(input, edition),
        Declarations.Check(input, ZoneRules.NoIncident, "basic.majorIncident", expected: "no"),
        Declarations.Check(input, ZoneRules.NoMisconduct, "basic.seriousMisconduct", expected: "no"),
        Declarations.Check(input, ZoneRules.WithinPrefecture, "basic.withinPrefecture", expected: "yes"),
        Declarations.Check(input, ZoneRules.IndustrialPolicy, "basic.industrialPolicy", expected: "yes"),
        Declarations.Check(input, ZoneRules.ClearBoundaries, "basic.clearBoundaries", expected: "yes"),
    ];

    public static IReadOnlyList<RequirementResult> Plan(AssessmentInput input) =>
    [
        Declarations.Check(input, ZoneRules.PlanExists, "basic.hasPlan", expected: "yes"),
        Feasibility(input),
    ];

    /// <summary>企业年营业总收入 of the latest data year (programme-rules.md: "The 100亿元 gate reads the latest data year's 营业总收入").</summary>
    private static RequirementResult Revenue(AssessmentInput input, CriteriaEdition edition)
    {
        var read = input.Number(input.Latest("revenue.total"), "亿元");
        var check = Thresholds.Check(input, edition.ThresholdFor(ZoneRules.Revenue.Key), read, $"{Fmt.Year(input.LatestYear)}合作区营业总收入");
        var note = check.Outcome == RequirementOutcome.NotMet ? "；标准用语为“一般不低于”，是否属例外由评审判断" : string.Empty;
        return ZoneRules.Revenue.Result(check.Outcome, check.Sentence + note, [read.Figure], [check.Relaxation]);
    }

    /// <summary>Whether goals are 科学合理、切实可行 is the reviewer's call; the portal only sees whether a plan is written.</summary>
    private static RequirementResult Feasibility(AssessmentInput input)
    {
        var text = input.Text("plan.text");
        var figure = new FigureUsed("未来五年合作区发展规划（字数）", text is null ? null : new System.Globalization.StringInfo(text).LengthInTextElements, "字", "plan.text", null);
        return text is null ? ZoneRules.PlanQuality.Result(RequirementOutcome.DataMissing, "未来五年合作区发展规划未填写", [figure])
            : Declarations.SaysNone(text) ? ZoneRules.PlanQuality.Result(RequirementOutcome.NotMet, "未来五年合作区发展规划填写为“无”", [figure])
            : ZoneRules.PlanQuality.Result(RequirementOutcome.ReviewerJudgement, "已填写发展规划，目标是否科学合理、切实可行、可考核由评审判断", [figure]);
    }
}
