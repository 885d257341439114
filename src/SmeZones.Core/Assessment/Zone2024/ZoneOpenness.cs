namespace SmeZones.Core.Assessment;

/// <summary>Dimension 二、具有较高开放合作水平 (30分; a pass needs 18 of them).</summary>
internal static class ZoneOpenness
{
    public static IReadOnlyList<RequirementResult> Evaluate(AssessmentInput input, CriteriaEdition edition) =>
    [
        LatestCount(input, edition, ZoneRules.ForeignFirms, "openness.foreignFirms", "外资或合资企业", "家"),
        Growth(input),
        Mechanism(input, edition),
        LatestCount(input, edition, ZoneRules.OverseasOffices, "openness.overseasOffices", "设立海外机构以及联络站", "个"),
        Exchange(input),
    ];

    /// <summary>
    /// A count the form asks per year, read for the latest data year: the standard speaks of what the
    /// zone 拥有/设立 now, and the form's "未注明填报年度的" rule also points to the end of the last data year.
    /// </summary>
    internal static RequirementResult LatestCount(AssessmentInput input, CriteriaEdition edition, Rule rule, string stem, string subject, string unit)
    {
        var read = input.Number(input.Latest(stem), unit);
        var check = Thresholds.Check(input, edition.ThresholdFor(rule.Key), read, $"{Fmt.Year(input.LatestYear)}{subject}");
        return rule.Result(check.Outcome, check.Sentence, [read.Figure], [check.Relaxation]);
    }

    /// <summary>
    /// The compound average of the zone's 3 yearly FDI (or export) growth rates, 高于 (strictly) the
    /// province's 3-year average entered by the reviewing authority. Either one suffices ("或").
    /// </summary>
    private static RequirementResult Growth(AssessmentInput input)
    {
        var fdi = Part(input, "openness.fdiGrowth", "外商直接投资额增速", input.Settings.ProvinceFdiGrowthAverage, "settings.provinceFdiGrowthAverage", "本省外商直接投资额近三年平均增速");
        var exports = Part(input, "openness.exportGrowth", "出口贸易额增速", input.Settings.ProvinceExportGrowthAverage, "settings.provinceExportGrowthAverage", "本省出口贸易额近三年平均增速");
        var outcome = Outcomes.Any([fdi.Outcome, exports.Outcome]);
        return ZoneRules.Growth.Result(outcome, $"{fdi.Sentence}；{exports.Sentence}", fdi.Figures.Concat(exports.Figures));
    }

    private static CompoundCheck Part(AssessmentInput input, string stem, string subject, decimal? provinceAverage, string settingName, string provinceLabel)
    {
        var rates = input.EveryYear(stem).Select(key => input.Number(key, "%")).ToList();
        if (provinceAverage is not { } reference)
        {
            var figures = rates.Select(r => r.Figure).Append(new FigureUsed(provinceLabel, null, "%", settingName, null)).ToList();
            return new CompoundCheck(RequirementOutcome.DataMissing, $"{subject}：省级参考值（{provinceLabel}）尚未录入，待评审机构录入后比较", null, figures);
        }

        var check = CompoundGrowth.Check(input, rates, Comparison.Above, reference, subject, $"{provinceLabel} {Fmt.Number(reference)}%");
        return check with { Figures = check.Figures.Append(new FigureUsed(provinceLabel, reference, "%", settingName, null)).ToList() };
    }

    /// <summary>
    /// A stable mechanism: overseas bodies that signed agreements in the latest data year (&gt; 0) and a
    /// description of the mechanism that is not "无". Whether it is 稳定务实 is left to the reviewer's points.
    /// </summary>
    private static RequirementResult Mechanism(AssessmentInput input, CriteriaEdition edition)
    {
        var agreements = input.Number(input.Latest("openness.agreements"), "个");
        var count = Thresholds.Check(input, edition.ThresholdFor(ZoneRules.Mechanism.Key), agreements, $"{Fmt.Year(input.LatestYear)}签署合作协议的海外机构");
        var text = input.Text("openness.mechanism");
        var (textOutcome, textSentence) = text is null ? (RequirementOutcome.DataMissing, "合作机制情况未填写")
            : Declarations.SaysNone(text) ? (RequirementOutcome.NotMet, "合作机制情况填写为“无”")
            : (RequirementOutcome.Met, "已描述合作机制");
        var figures = new[] { agreements.Figure, new FigureUsed(input.Label("openness.mechanism"), null, string.Empty, "openness.mechanism", null, text) };
        return ZoneRules.Mechanism.Result(Outcomes.All([count.Outcome, textOutcome]), $"{count.Sentence}；{textSentence}", figures, [count.Relaxation]);
    }

    /// <summary>常态化 exchange is qualitative: ticked activities go to the reviewer; none ticked fails.</summary>
    private static RequirementResult Exchange(AssessmentInput input)
    {
        var ticked = input.TickedOptions("openness.exchange");
        var figure = new FigureUsed("已勾选的对外交流活动", ticked.Count, "项", "openness.exchange", null, string.Join("；", ticked));
        return ticked.Count == 0
            ? ZoneRules.Exchange.Result(RequirementOutcome.NotMet, "“合作区常态化开展对外交流情况”未勾选任何活动", [figure])
            : ZoneRules.Exchange.Result(RequirementOutcome.ReviewerJudgement, $"已勾选 {ticked.Count} 项：{string.Join("、", ticked)}；是否常态化开展由评审根据佐证材料 5 判断", [figure]);
    }
}
