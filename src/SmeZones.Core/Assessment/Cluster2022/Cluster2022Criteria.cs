using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// 中小企业特色产业集群认定标准（2022年版） applied to the national cluster form (cluster-2024, seed 003):
/// pass/fail on eight dimensions (no points), plus the 3-year plan's targets against the form's rules a–g.
/// </summary>
internal sealed class Cluster2022Criteria : CriteriaEdition
{
    public override string Key => "cluster-2022";

    public override string Title => ClusterRules.Standard;

    public override string Source => "促进中小企业特色产业集群发展暂行办法（工信部企业〔2022〕119号）附件；规划目标要求见集群申报表（003）";

    public override string RelaxedRegionsText => "西部";

    public override IReadOnlySet<RegionClass> RelaxableClasses => AssessmentSettings.ClusterRelaxableClasses;

    public override IReadOnlyList<Threshold> Thresholds { get; } = StandardThresholds;

    public override IReadOnlyList<string> RequirementKeys { get; } =
        [.. ClusterRules.StandardRules.Select(r => r.Key), .. ClusterPlanRules.NationalRules.Select(r => r.Key)];

    /// <summary>The standard's numeric thresholds (dimensions 一 and 二), each relaxable for 西部.</summary>
    internal static IReadOnlyList<Threshold> StandardThresholds { get; } =
    [
        // "占地面积一般不超过100平方公里"
        new(ClusterRules.Area.Key, "集群占地面积", Comparison.AtMost, 100m, "平方公里"),
        // "近三年产值均在40亿元以上" (each year; 以上 includes 40)
        new(ClusterRules.Output.Key, "集群总产值（每年）", Comparison.AtLeast, 40m, "亿元"),
        // "中小企业产值占集群总产值70%以上"
        new(ClusterRules.SmeShare.Key, "中小企业产值占比", Comparison.AtLeast, 70m, "%"),
        // "主导产业占集群总产值比例高于70%" (高于 excludes 70)
        new(ClusterRules.LeadingShare.Key, "主导产业产值占比", Comparison.Above, 70m, "%"),
        // "产值年均增速高于10%"
        new(ClusterRules.Growth.Key, "主导产业产值年均增速", Comparison.Above, 10m, "%"),
        // "拥有不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业，或者不少于10家专精特新中小企业、创新型中小企业和国家级高新技术企业"
        new(ClusterStandard.ChampionsPart, "制造业单项冠军企业或专精特新“小巨人”企业数量", Comparison.AtLeast, 1m, "家", IsCount: true),
        new(ClusterStandard.OthersPart, "专精特新中小企业、创新型中小企业和国家级高新技术企业数量", Comparison.AtLeast, 10m, "家", IsCount: true),
    ];

    internal override IReadOnlyList<AssessmentGroup> Evaluate(AssessmentInput input) =>
    [
        Group("gates", "认定门槛", GroupKind.Gates, ClusterStandard.Gates(input)),
        Group("core", "核心竞争力", GroupKind.Dimension, ClusterStandard.Core(input, this)),
        Group("tiers", "优质中小企业梯度培育", GroupKind.Dimension, ClusterStandard.Tiers(input, this)),
        Group("chain", ClusterRules.Chain.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Chain, ["industry.chainWork", "industry.resourceWork", "industry.qualityWork"], [])]),
        Group("innovation", ClusterRules.Innovation.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Innovation, [], [input.Latest("innovation.rdIntensity"), "innovation.nationalPlatforms.count", "innovation.provincialPlatforms.count", "innovation.validPatents"])]),
        Group("digital", ClusterRules.Digital.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Digital, ["digital.serviceWork", "digital.pilotWork"], ["digital.iiPenetration", "digital.cloudShare"])]),
        Group("green", ClusterRules.Green.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Green, ["green.work"], ["green.energyReduction", "green.nationalSystem.count"])]),
        Group("open", ClusterRules.Open.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Open, ["open.activities"], ["open.overseasBranches"])]),
        Group("governance", ClusterRules.Governance.Title, GroupKind.Dimension, [ClusterStandard.Judged(input, ClusterRules.Governance, ["governance.work", "governance.services"], ["governance.nationalPlatforms.count", "governance.provincialPlatforms.count"])]),
        Group("plan", "未来三年发展目标（备注 a–g）", GroupKind.PlanTargets, ClusterPlanTargets.National(input)),
    ];

    internal override IEnumerable<ConsistencyWarning> Warnings(AssessmentInput input) => ClusterWarnings.National(input);

    internal static AssessmentGroup Group(string key, string title, GroupKind kind, IReadOnlyList<RequirementResult> requirements) =>
        new() { Key = key, Title = title, Kind = kind, Requirements = requirements };
}
