using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// The 新疆 re-review (复核) of a cluster, form 004: the declared gates, the previous plan's targets against
/// what was achieved, and the new plan's targets against the form's rules a–g. The national standard's
/// numeric thresholds are deliberately not applied: form 004 says its plan follows
/// 《新疆维吾尔自治区中小企业特色产业集群认定管理办法》, whose thresholds are not among the seed documents.
/// </summary>
internal sealed class ClusterReviewXjCriteria : CriteriaEdition
{
    public override string Key => "cluster-review-xj";

    public override string Title => "中小企业特色产业集群复核（新疆维吾尔自治区工业和信息化厅）";

    public override string Source => "中小企业特色产业集群复核申报表（新疆维吾尔自治区工业和信息化厅 制）";

    public override string RelaxedRegionsText => "西部";

    public override IReadOnlySet<RegionClass> RelaxableClasses => AssessmentSettings.ClusterRelaxableClasses;

    /// <summary>None: the rules read here are the form's own (a–g, completion), not the standard's thresholds.</summary>
    public override IReadOnlyList<Threshold> Thresholds { get; } = [];

    public override IReadOnlyList<string> RequirementKeys { get; } =
        [.. ClusterRules.Gates.Select(r => r.Key), OperatorChange.Key, .. PlanCompletion.PrintedKeys, .. PlanCompletion.QualitativeKeys, .. ClusterPlanRules.XinjiangRules.Select(r => r.Key)];

    internal override IReadOnlyList<AssessmentGroup> Evaluate(AssessmentInput input) =>
    [
        Cluster2022Criteria.Group("gates", "认定门槛", GroupKind.Gates, [.. ClusterStandard.Gates(input), OperatorChange.Evaluate(input)]),
        Cluster2022Criteria.Group("completion", $"{input.RoundYear - 1}年发展目标完成情况", GroupKind.PlanCompletion, PlanCompletion.Evaluate(input)),
        Cluster2022Criteria.Group("plan", "未来三年发展目标（备注 a–g）", GroupKind.PlanTargets, ClusterPlanTargets.Xinjiang(input)),
    ];

    internal override IEnumerable<ConsistencyWarning> Warnings(AssessmentInput input) => ClusterWarnings.Xinjiang(input);
}
