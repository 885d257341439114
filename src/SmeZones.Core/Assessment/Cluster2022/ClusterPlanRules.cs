namespace SmeZones.Core.Assessment;

/// <summary>
/// Rules a–g for the 3-year plan targets, verbatim as printed under the plan table: form 003 (national,
/// "2026 年目标值须符合以下要求") and form 004 (新疆 复核, "2028年目标值须符合以下要求"). The texts are
/// also in the form editions' notes; a test holds them equal.
/// </summary>
internal static class ClusterPlanRules
{
    private const string National = "集群申报表（003）八、发展目标备注";
    private const string Xinjiang = "复核申报表（004）四、发展目标备注";

    public const string OutputGrowth = "plan.a.outputGrowth";
    public const string QualitySmes = "plan.b.qualitySmes";
    public const string RdSpending = "plan.c.rdSpending";
    public const string Patents = "plan.d.patents";
    public const string IndustrialInternet = "plan.e.industrialInternet";
    public const string Co2 = "plan.f.co2";
    public const string Energy = "plan.g.energy";

    public static IReadOnlyList<Rule> NationalRules { get; } =
    [
        new(OutputGrowth, "产值年均增速目标", "a. 近三年产值年均增速不低于 10%", National),
        new(QualitySmes, "优质中小企业数量目标", "b. 优质中小企业数量逐年增加", National),
        new(RdSpending, "研发经费年均增速目标", "c. 研发经费年均增速不低于 10%", National),
        new(Patents, "有效发明专利年均增长目标", "d. 有效发明专利数年均增长不低于 15%", National),
        new(IndustrialInternet, "工业互联网普及率目标", "e. 工业互联网普及率达到 45%左右", National),
        new(Co2, "二氧化碳排放量降低目标", "f. 二氧化碳排放量降低达到 18%左右", National),
        new(Energy, "单位工业产值能耗下降目标", "g. 集群单位工业产值能耗下降达到 13.5%左右）", National),
    ];

    public static IReadOnlyList<Rule> XinjiangRules { get; } =
    [
        new(OutputGrowth, "产值年均增速目标", "a.近三年产值年均增速不低于10%", Xinjiang),
        new(QualitySmes, "优质中小企业数量目标", "b.优质中小企业数量逐年增加", Xinjiang),
        new(RdSpending, "研发经费年均增速目标", "c.研发经费年均增速不低于10%", Xinjiang),
        new(Patents, "有效发明专利年均增长目标", "d.有效发明专利数年均增长不低于15%", Xinjiang),
        new(IndustrialInternet, "工业互联网普及率目标", "e.工业互联网普及率不低于行业平均水平", Xinjiang),
        new(Co2, "二氧化碳排放量下降率目标", "f.二氧化碳排放量下降率不低于行业平均水平", Xinjiang),
        new(Energy, "单位工业产值能耗下降率目标", "g.集群单位工业产值能耗下降率不低于行业平均水平", Xinjiang),
    ];

    public static Rule Get(IReadOnlyList<Rule> rules, string key) => rules.Single(r => r.Key == key);
}
