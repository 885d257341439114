using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>Gates and dimensions 一–八 of the cluster standard, read from the national cluster form.</summary>
internal static class ClusterStandard
{
    public const string ChampionsPart = "tiers.qualityFirms.championsOrLittleGiants";
    public const string OthersPart = "tiers.qualityFirms.specialisedInnovativeHighTech";

    public static IReadOnlyList<RequirementResult> Gates(AssessmentInput input) =>
    [
        Declarations.Check(input, ClusterRules.NoIncident, "basic.majorIncident", expected: "no"),
        Declarations.Check(input, ClusterRules.NoMisconduct, "basic.misconduct", expected: "no"),
        Declarations.Check(input, ClusterRules.NotProhibited, "basic.prohibitedIndustry", expected: "no"),
    ];

    public static IReadOnlyList<RequirementResult> Core(AssessmentInput input, CriteriaEdition edition) =>
    [
        Pillar(input),
        Area(input, edition),
        Output(input, edition),
        LatestShare(input, edition, ClusterRules.SmeShare, "industry.smeShare", "集群内中小企业产值占集群总产值比例"),
        LatestShare(input, edition, ClusterRules.LeadingShare, "industry.leadingShare", "集群主导产业产值占集群总产值比例"),
        Growth(input, edition),
    ];

    public static IReadOnlyList<RequirementResult> Tiers(AssessmentInput input, CriteriaEdition edition)
    {
        // Counts are read for the latest data year: the standard speaks of what the cluster 拥有 now.
        var year = Fmt.Year(input.LatestYear);
        var champions = input.Number(input.Latest("industry.champions"), "家");
        var giants = input.Number(input.Latest("industry.littleGiants"), "家");
        var specialised = input.Number(input.Latest("industry.provincialSpecialised"), "家");
        var innovative = input.Number(input.Latest("industry.innovativeSmes"), "家");
        var highTech = input.Number(input.Latest("industry.highTech"), "家");
        var checks = new[]
        {
            ZoneInnovation.SumCheck(input, edition.ThresholdFor(ChampionsPart), [champions, giants], $"{year}主导产业相关的制造业单项冠军企业和专精特新“小巨人”企业"),
            ZoneInnovation.SumCheck(input, edition.ThresholdFor(OthersPart), [specialised, innovative, highTech], $"{year}专精特新中小企业、创新型中小企业和国家级高新技术企业"),
        };
        var figures = new[] { champions, giants, specialised, innovative, highTech }.Select(r => r.Figure);
        return [ClusterRules.QualityFirms.Result(Outcomes.Any(checks.Select(c => c.Outcome)), string.Join("；", checks.Select(c => c.Sentence)), figures, checks.Select(c => c.Relaxation))];
    }

    /// <summary>Dimensions 三–八: the reviewer judges; the ticked work and key figures are shown.</summary>
    public static RequirementResult Judged(AssessmentInput input, Rule rule, IReadOnlyList<string> checkboxFields, IReadOnlyList<string> numberKeys)
    {
        var figures = new List<FigureUsed>();
        var ticked = 0;
        foreach (var field in checkboxFields)
        {
            var options = input.TickedOptions(field);
            ticked += options.Count;
            figures.Add(new FigureUsed(input.FieldLabel(field), options.Count, "项", field, null, string.Join("；", options)));
        }

        figures.AddRange(numberKeys.Select(k => input.Number(k, string.Empty).Figure));
        return rule.Result(RequirementOutcome.ReviewerJudgement, $"认定标准未公布该方面的量化门槛；申报表已勾选相关工作 {ticked} 项，由评审根据申报材料判断", figures);
    }

    /// <summary>Whether the industry is the county's pillar is judged; its share of the county's output is shown.</summary>
    private static RequirementResult Pillar(AssessmentInput input)
    {
        var figures = new List<FigureUsed>();
        var sentence = "是否为县域支柱产业由评审判断";
        if (input.HasKey(input.Latest("industry.countyShare")))
        {
            var share = input.Number(input.Latest("industry.countyShare"), "%");
            figures.Add(share.Figure);
            sentence = share.Value is { } value ? $"{Fmt.Year(input.LatestYear)}集群总产值占所在县级行政区划产值 {Fmt.Number(value)}%，{sentence}" : $"集群总产值占县域产值比例{share.Problem}，{sentence}";
        }

        return ClusterRules.Pillar.Result(RequirementOutcome.ReviewerJudgement, sentence, figures);
    }

    private static RequirementResult Area(AssessmentInput input, CriteriaEdition edition)
    {
        var read = input.Number("basic.area", "平方公里");
        var check = Thresholds.Check(input, edition.ThresholdFor(ClusterRules.Area.Key), read, "集群占地面积");
        var note = check.Outcome == RequirementOutcome.NotMet ? "；标准用语为“一般不超过”，是否属例外由评审判断" : string.Empty;
        return ClusterRules.Area.Result(check.Outcome, check.Sentence + note, [read.Figure], [check.Relaxation]);
    }

    /// <summary>"近三年产值均在40亿元以上": every one of the three data years, 40.00 included (以上).</summary>
    private static RequirementResult Output(AssessmentInput input, CriteriaEdition edition)
    {
        var threshold = edition.ThresholdFor(ClusterRules.Output.Key);
        var reads = input.EveryYear("industry.output").Select(k => input.Number(k, "亿元")).ToList();
        var checks = reads.Select(r => Thresholds.Check(input, threshold, r, $"{Fmt.Year(input.YearOf(r.Key)!.Value)}集群总产值")).ToList();
        return ClusterRules.Output.Result(Outcomes.All(checks.Select(c => c.Outcome)), string.Join("；", checks.Select(c => c.Sentence)), reads.Select(r => r.Figure), [checks[0].Relaxation]);
    }

    /// <summary>
    /// A share the standard states without "近三年": read for the latest data year, the cluster's present
    /// state (the form's "未注明填报年度的" rule also points to the end of the last data year).
    /// </summary>
    private static RequirementResult LatestShare(AssessmentInput input, CriteriaEdition edition, Rule rule, string stem, string subject)
    {
        var read = input.Number(input.Latest(stem), "%");
        var check = Thresholds.Check(input, edition.ThresholdFor(rule.Key), read, $"{Fmt.Year(input.LatestYear)}{subject}");
        return rule.Result(check.Outcome, check.Sentence + "（按最近一个数据年度判定）", [read.Figure], [check.Relaxation]);
    }

    /// <summary>
    /// "产值年均增速高于10%" reads the form's one stated figure 近三年集群主导产业产值年均增速; the portal's
    /// computation from the yearly output × 主导产业占比 is shown beside it, not used.
    /// </summary>
    private static RequirementResult Growth(AssessmentInput input, CriteriaEdition edition)
    {
        var stated = input.Number("industry.leadingGrowthAvg", "%");
        var check = Thresholds.Check(input, edition.ThresholdFor(ClusterRules.Growth.Key), stated, "近三年集群主导产业产值年均增速（申报值）");
        var figures = new List<FigureUsed> { stated.Figure };
        var outputs = input.EveryYear("industry.output").Select(k => input.Number(k, "亿元").Value).ToList();
        var shares = input.EveryYear("industry.leadingShare").Select(k => input.Number(k, "%").Value).ToList();
        var sentence = check.Sentence;
        if (outputs.All(v => v is not null) && shares.All(v => v is not null))
        {
            var leading = outputs.Zip(shares, (o, s) => o!.Value * s!.Value / 100m).ToList();
            if (FormComputations.AverageGrowth(leading) is { } computed)
            {
                figures.Add(new FigureUsed("主导产业产值年均增速（按各年总产值×主导产业占比推算）", computed, "%", null, null));
                sentence += $"；按各年总产值×主导产业占比推算为 {Fmt.Number(computed)}%（仅供参考）";
            }
        }

        return ClusterRules.Growth.Result(check.Outcome, sentence, figures, [check.Relaxation]);
    }
}
