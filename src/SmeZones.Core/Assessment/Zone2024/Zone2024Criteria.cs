using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// 中外中小企业合作区认定标准（2024年版）, the annex of 工信部企业〔2024〕168号 (seed 002). Reads any zone
/// form that declares it (zone-2025, zone-2026 …), by the answer keys the README lists. Points are the reviewer's (see <see cref="ZoneScore"/>).
/// </summary>
internal sealed class Zone2024Criteria : CriteriaEdition
{
    public const string EditionKey = "zone-2024";

    public override string Key => EditionKey;

    public override string Title => "中外中小企业合作区认定标准（2024年版）";

    public override string Source => "中外中小企业合作区管理暂行办法（工信部企业〔2024〕168号）附件";

    public override bool ScoresPoints => true;

    public override string RelaxedRegionsText => "中西部/东北";

    public override bool ReadsProvinceFigures => true;

    public override IReadOnlySet<RegionClass> RelaxableClasses => AssessmentSettings.ZoneRelaxableClasses;

    public override IReadOnlyList<Threshold> Thresholds { get; } =
    [
        // "企业年营业总收入一般不低于100亿元"
        new(ZoneRules.Revenue.Key, "企业年营业总收入", Comparison.AtLeast, 100m, "亿元"),
        // "拥有不少于10家外资或合资企业"
        new(ZoneRules.ForeignFirms.Key, "外资或合资企业数量", Comparison.AtLeast, 10m, "家", IsCount: true),
        // "与海外园区或机构建立稳定务实的合作机制": at least one overseas body under agreement
        new(ZoneRules.Mechanism.Key, "签署合作协议的海外机构数量", Comparison.AtLeast, 1m, "个", IsCount: true),
        // "设立海外分支机构或海外联络站"
        new(ZoneRules.OverseasOffices.Key, "海外分支机构或联络站数量", Comparison.AtLeast, 1m, "个", IsCount: true),
        // "中小企业研发经费近三年年均增长率高于4%"
        new(ZoneRules.RdGrowth.Key, "研发经费近三年年均增长率", Comparison.Above, 4m, "%"),
        // "拥有不少于1家省级及以上创新平台"
        new(ZoneRules.Platforms.Key, "省级及以上创新平台数量", Comparison.AtLeast, 1m, "个", IsCount: true),
        // "在海外建立或合作的研发机构不少于1家"
        new(ZoneRules.OverseasRd.Key, "海外研发机构数量", Comparison.AtLeast, 1m, "个", IsCount: true),
        // "有效发明专利近三年年均增长率不低于10%或国际发明专利（PCT）数量不低于5个"
        new(ZoneInnovation.PatentPart, "有效发明专利近三年年均增长率", Comparison.AtLeast, 10m, "%"),
        new(ZoneInnovation.PctPart, "国际发明专利（PCT）数量", Comparison.AtLeast, 5m, "个", IsCount: true),
        // "中小企业营业收入占合作区营业总收入60%以上"
        new(ZoneRules.SmeShare.Key, "中小企业营业收入占比", Comparison.AtLeast, 60m, "%"),
        // "不少于1家制造业单项冠军企业或专精特新“小巨人”企业，或不少于10家专精特新中小企业，或不少于20家科技和创新型中小企业"
        new(ZoneQualityAndService.ChampionsPart, "制造业单项冠军企业或专精特新“小巨人”企业数量", Comparison.AtLeast, 1m, "家", IsCount: true),
        new(ZoneQualityAndService.SpecialisedPart, "专精特新中小企业数量", Comparison.AtLeast, 10m, "家", IsCount: true),
        new(ZoneQualityAndService.TechSmesPart, "科技和创新型中小企业数量", Comparison.AtLeast, 20m, "家", IsCount: true),
    ];

    public override IReadOnlyList<string> RequirementKeys { get; } = ZoneRules.All.Select(r => r.Key).ToList();

    internal override IReadOnlyList<AssessmentGroup> Evaluate(AssessmentInput input) =>
    [
        new() { Key = ZoneScore.Gates, Title = "认定门槛", Kind = GroupKind.Gates, Requirements = ZoneGatesAndPlan.Gates(input, this) },
        Dimension(ZoneScore.Plan, "具有科学可行发展规划", ZoneGatesAndPlan.Plan(input)),
        Dimension(ZoneScore.Openness, "具有较高开放合作水平", ZoneOpenness.Evaluate(input, this)),
        Dimension(ZoneScore.Innovation, "具有较强创新能力", ZoneInnovation.Evaluate(input, this)),
        Dimension(ZoneScore.Quality, "具有显著优质中小企业培育成效", ZoneQualityAndService.Quality(input, this)),
        Dimension(ZoneScore.Service, "具有较强管理服务效能", ZoneQualityAndService.Service(input)),
    ];

    internal override IEnumerable<ConsistencyWarning> Warnings(AssessmentInput input)
    {
        var warnings = new List<ConsistencyWarning>();
        warnings.AddRange(ConsistencyChecks.SharesWithin100(input, input.EveryYear("revenue.smeShare")));
        var rates = new[] { "openness.fdiGrowth", "openness.exportGrowth", "innovation.rdGrowth", "innovation.patentGrowth" };
        warnings.AddRange(ConsistencyChecks.RatesAboveMinus100(input, rates.SelectMany(input.EveryYear)));
        if (input.Choice("basic.fullServiceCoverage") == "yes" && input.TickedOptions("service.enterprise").Count == 0)
        {
            warnings.Add(new("sectionsDisagree", "“提供的服务是否实现了合作区内企业全覆盖”填写为“是”，但“企业服务开展情况”未勾选任何服务", ["basic.fullServiceCoverage", "service.enterprise"]));
        }

        return warnings;
    }

    private static AssessmentGroup Dimension(string key, string title, IReadOnlyList<RequirementResult> requirements) => new()
    {
        Key = key,
        Title = title,
        Kind = GroupKind.Dimension,
        MaxPoints = ZoneScore.MaxPoints[key],
        MinPointsToPass = key == ZoneScore.Openness ? ZoneScore.OpennessMinimum : null,
        Requirements = requirements,
    };
}
