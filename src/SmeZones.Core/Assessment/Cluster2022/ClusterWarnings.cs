using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>Consistency warnings of the two cluster forms (see <see cref="ConsistencyChecks"/> for the tolerance).</summary>
internal static class ClusterWarnings
{
    public static IEnumerable<ConsistencyWarning> National(AssessmentInput input)
    {
        var warnings = Common(input);
        warnings.AddRange(ConsistencyChecks.SharesWithin100(input, [.. input.EveryYear("industry.countyShare"), .. input.EveryYear("innovation.rdIntensity"), "digital.cloudShare", "digital.iiPenetration", "digital.rdTools"]));
        warnings.AddRange(ConsistencyChecks.RatesAboveMinus100(input, [.. input.EveryYear("industry.fdiGrowth"), .. input.EveryYear("industry.exportGrowth")]));
        foreach (var (staff, employees) in input.EveryYear("innovation.rdStaff").Zip(input.EveryYear("innovation.employees")))
        {
            warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, staff, employees));
        }

        warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, "digital.cloudSmes", input.Latest("industry.smes")));
        warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, "digital.iiSmes", input.Latest("industry.smes")));

        // The plan's 基准值 is the year before the round, i.e. the latest data year of the sections above.
        warnings.AddRange(PlanAgainstSection(input, "plan.targets.iiPenetration.baseline", "digital.iiPenetration", "工业互联网普及率"));
        warnings.AddRange(PlanAgainstSection(input, "plan.targets.rdSpending.baseline", input.Latest("innovation.rdSpending"), "研发经费"));
        warnings.AddRange(PlanAgainstSection(input, "plan.targets.patents.baseline", "innovation.validPatents", "有效发明专利数量"));
        return warnings;
    }

    public static IEnumerable<ConsistencyWarning> Xinjiang(AssessmentInput input)
    {
        var warnings = Common(input);
        warnings.AddRange(ConsistencyChecks.SharesWithin100(input, [.. input.EveryYear("innovation.rdIntensity"), .. input.EveryYear("digital.cloudShare"), .. input.EveryYear("digital.iiPenetration")]));
        warnings.AddRange(ConsistencyChecks.RatesAboveMinus100(input, [.. input.EveryYear("industry.leadingGrowth"), .. input.EveryYear("innovation.rdGrowth")]));
        foreach (var (cloud, ii, smes) in input.EveryYear("digital.cloudSmes").Zip(input.EveryYear("digital.iiSmes"), input.EveryYear("industry.smes")))
        {
            warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, cloud, smes));
            warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, ii, smes));
        }

        warnings.AddRange(StatedAverageAgainstYearlyRates(input));

        // The new plan's 基准值 ({y-1}) is the old plan's 完成值 ({y-1}): the same figure twice.
        foreach (var row in new[] { "outputGrowth", "qualitySmes", "rdSpending", "patents", "iiPenetration", "co2", "energy" })
        {
            var baseline = PlanCells.Read(input, $"plan.targets.{row}.baseline", string.Empty);
            var achieved = PlanCells.Read(input, $"plan.achievement.{row}.achieved", string.Empty);
            warnings.AddRange(ConsistencyChecks.SameFigure(input, baseline.Key, baseline.Value, achieved.Key, achieved.Value, "新规划基准值与上一规划完成值应为同一数据"));
        }

        // The old plan's 基准值 is the first data year; its 完成值 the latest.
        warnings.AddRange(PlanAgainstSection(input, "plan.achievement.iiPenetration.baseline", input.EveryYear("digital.iiPenetration")[0], "工业互联网普及率"));
        warnings.AddRange(PlanAgainstSection(input, "plan.achievement.iiPenetration.achieved", input.Latest("digital.iiPenetration"), "工业互联网普及率"));
        warnings.AddRange(PlanAgainstSection(input, "plan.achievement.rdSpending.baseline", input.EveryYear("innovation.rdSpending")[0], "研发经费"));
        warnings.AddRange(PlanAgainstSection(input, "plan.achievement.rdSpending.achieved", input.Latest("innovation.rdSpending"), "研发经费"));
        warnings.AddRange(PlanAgainstSection(input, "plan.achievement.patents.achieved", "innovation.validPatents", "有效发明专利数量"));
        return warnings;
    }

    /// <summary>Both forms: shares, SMEs within all firms, stated figures against the edition's computations.</summary>
    private static List<ConsistencyWarning> Common(AssessmentInput input)
    {
        var warnings = new List<ConsistencyWarning>();
        warnings.AddRange(ConsistencyChecks.SharesWithin100(input, [.. input.EveryYear("industry.smeShare"), .. input.EveryYear("industry.leadingShare")]));
        foreach (var (smes, firms) in input.EveryYear("industry.smes").Zip(input.EveryYear("industry.firms")))
        {
            warnings.AddRange(ConsistencyChecks.PartNotAboveTotal(input, smes, firms));
        }

        warnings.AddRange(ConsistencyChecks.StatedVsComputed(input));
        return warnings;
    }

    /// <summary>004 asks the yearly 主导产业产值增速 and one 近三年年均 figure: the compound average of the first should match the second.</summary>
    private static IEnumerable<ConsistencyWarning> StatedAverageAgainstYearlyRates(AssessmentInput input)
    {
        var stated = input.Number("industry.leadingGrowthAvg", "%").Value;
        var rates = input.EveryYear("industry.leadingGrowth").Select(k => input.Number(k, "%").Value).ToList();
        if (stated is { } s && rates.All(r => r is not null) && FormComputations.CompoundAverage(rates.Select(r => r!.Value).ToList()) is { } computed
            && Math.Abs(s - computed) > ConsistencyChecks.ToleranceFor(computed))
        {
            yield return new("statedRateContradicts", $"“{input.Label("industry.leadingGrowthAvg")}”填写为 {Fmt.Number(s)}%，与各年增速（{string.Join("、", rates.Select(r => Fmt.Number(r!.Value) + "%"))}）的复合平均 {Fmt.Number(computed)}% 相差超过容差（{Fmt.Number(ConsistencyChecks.ToleranceFor(computed))}）", ["industry.leadingGrowthAvg", .. input.EveryYear("industry.leadingGrowth")]);
        }
    }

    private static IEnumerable<ConsistencyWarning> PlanAgainstSection(AssessmentInput input, string planKey, string sectionKey, string what) =>
        ConsistencyChecks.SameFigure(input, planKey, PlanCells.Read(input, planKey, string.Empty).Value, sectionKey, input.Number(sectionKey, string.Empty).Value, $"{what}在发展目标表与前文数据中不一致");
}
