namespace SmeZones.Core.Assessment;

/// <summary>Dimension 三、具有较强创新能力 (20分).</summary>
internal static class ZoneInnovation
{
    public const string PatentPart = "innovation.patentsOrPct.patentGrowth";
    public const string PctPart = "innovation.patentsOrPct.pct";

    public static IReadOnlyList<RequirementResult> Evaluate(AssessmentInput input, CriteriaEdition edition) =>
    [
        RdGrowth(input, edition),
        Sum(input, edition, ZoneRules.Platforms, ["innovation.nationalPlatforms.count", "innovation.provincialPlatforms.count"], "省级及以上创新平台", "个"),
        Sum(input, edition, ZoneRules.OverseasRd, ["innovation.overseasRd.count"], "海外研发机构", "个"),
        PatentsOrPct(input, edition),
    ];

    /// <summary>"研发经费近三年年均增长率高于4%": the compound average of the 3 yearly rates, strictly above.</summary>
    private static RequirementResult RdGrowth(AssessmentInput input, CriteriaEdition edition)
    {
        var (threshold, relaxation) = Thresholds.Effective(input, edition.ThresholdFor(ZoneRules.RdGrowth.Key));
        var rates = input.EveryYear("innovation.rdGrowth").Select(key => input.Number(key, "%")).ToList();
        var check = CompoundGrowth.Check(input, rates, Comparison.Above, threshold, "中小企业研发经费增速", Fmt.WithUnit(threshold, "%") + Thresholds.RelaxationNote(relaxation));
        return ZoneRules.RdGrowth.Result(check.Outcome, check.Sentence, check.Figures, [relaxation]);
    }

    /// <summary>
    /// A count that may be spread over several answers (国家级 + 省级 platforms). A known sum that already
    /// reaches the threshold meets it even if another answer is blank.
    /// </summary>
    internal static RequirementResult Sum(AssessmentInput input, CriteriaEdition edition, Rule rule, IReadOnlyList<string> keys, string subject, string unit)
    {
        var reads = keys.Select(k => input.Number(k, unit)).ToList();
        var check = SumCheck(input, edition.ThresholdFor(rule.Key), reads, subject);
        return rule.Result(check.Outcome, check.Sentence, reads.Select(r => r.Figure), [check.Relaxation]);
    }

    internal static ThresholdCheck SumCheck(AssessmentInput input, Threshold threshold, IReadOnlyList<NumberRead> reads, string subject)
    {
        var known = reads.Where(r => !r.IsMissing).Sum(r => r.Value!.Value);
        var parts = reads.Count == 1 ? string.Empty : "（" + string.Join("、", reads.Select(r => $"{Short(r.Figure.Label)} {(r.IsMissing ? r.Problem : Fmt.WithUnit(r.Value!.Value, threshold.Unit))}")) + "）";
        var check = Thresholds.Check(input, threshold, known, $"{subject}{(reads.Count == 1 ? string.Empty : "合计")}");
        if (check.Outcome == RequirementOutcome.Met || reads.All(r => !r.IsMissing))
        {
            return check with { Sentence = check.Sentence + parts };
        }

        return check with { Outcome = RequirementOutcome.DataMissing, Sentence = $"{subject}{(reads.Count == 1 ? reads[0].Problem : "：" + parts.Trim('（', '）'))}" };
    }

    /// <summary>"有效发明专利近三年年均增长率不低于10%或国际发明专利（PCT）数量不低于5个" — either suffices.</summary>
    private static RequirementResult PatentsOrPct(AssessmentInput input, CriteriaEdition edition)
    {
        var (patentThreshold, patentRelaxation) = Thresholds.Effective(input, edition.ThresholdFor(PatentPart));
        var rates = input.EveryYear("innovation.patentGrowth").Select(key => input.Number(key, "%")).ToList();
        var patents = CompoundGrowth.Check(input, rates, Comparison.AtLeast, patentThreshold, "有效发明专利数量增速", Fmt.WithUnit(patentThreshold, "%") + Thresholds.RelaxationNote(patentRelaxation));

        // PCT 数量 is asked per year like the other counts; the latest year is what the zone has now.
        var pctRead = input.Number(input.Latest("innovation.pct"), "个");
        var pct = Thresholds.Check(input, edition.ThresholdFor(PctPart), pctRead, $"{Fmt.Year(input.LatestYear)}国际发明专利（PCT）数量");
        var outcome = Outcomes.Any([patents.Outcome, pct.Outcome]);
        return ZoneRules.PatentsOrPct.Result(outcome, $"{patents.Sentence}；{pct.Sentence}", patents.Figures.Append(pctRead.Figure), [patentRelaxation, pct.Relaxation]);
    }

    /// <summary>"国家级创新平台名称及数量（数量）" → "国家级创新平台".</summary>
    private static string Short(string label)
    {
        var end = label.IndexOfAny(['（', '名']);
        return end > 0 ? label[..end] : label;
    }
}
