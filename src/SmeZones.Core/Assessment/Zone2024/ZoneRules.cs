namespace SmeZones.Core.Assessment;

/// <summary>
/// The rules of 中外中小企业合作区认定标准（2024年版） (seed 002, 附件), texts verbatim from the standard.
/// Where the standard's sentence covers several things, the rule quotes the clause the requirement checks.
/// </summary>
internal static class ZoneRules
{
    public const string Standard = "认定标准（2024年版）";
    private const string Preamble = Standard + "·总则";
    private const string Plan = Standard + "·一";
    private const string Openness = Standard + "·二";
    private const string Innovation = Standard + "·三";
    private const string Quality = Standard + "·四";
    private const string Service = Standard + "·五";

    // Gates (preamble): "…符合国家产业政策和行业发展规划要求，有明确的四至范围和功能划分，企业年营业总收入一般不低于100亿元。"
    public static readonly Rule Revenue = new("gate.revenue", "企业年营业总收入", "企业年营业总收入一般不低于100亿元", Preamble);
    public static readonly Rule NoIncident = new("gate.noMajorIncident", "近三年未发生较大及以上事故或重大安全事件", "合作区须近三年未发生较大及以上质量、环境污染等事故，未发生重大及以上生产安全、网络安全和数据安全事件", Preamble);
    public static readonly Rule NoMisconduct = new("gate.noSeriousMisconduct", "不存在严重失信、重大违法违规行为", "不存在严重失信、重大违法违规等行为", Preamble);
    public static readonly Rule WithinPrefecture = new("gate.withinPrefecture", "定位在地市级行政区划范围内", "定位在地市级行政区划范围内", Preamble);
    public static readonly Rule IndustrialPolicy = new("gate.industrialPolicy", "符合国家产业政策", "符合国家产业政策和行业发展规划要求", Preamble);
    public static readonly Rule ClearBoundaries = new("gate.clearBoundaries", "四至范围和功能划分明确", "有明确的四至范围和功能划分", Preamble);

    // 一、具有科学可行发展规划（15分）
    public static readonly Rule PlanExists = new("plan.rollingPlan", "发展规划及年度工作方案", "围绕提升开放合作水平、增强创新能力、优质中小企业培育、健全服务体系等方面滚动编制建设发展规划及年度工作方案", Plan);
    public static readonly Rule PlanQuality = new("plan.feasibility", "发展目标科学可行", "发展目标科学合理、切实可行，重点任务和工作举措明确清晰、可考核，有效带动地区经济高质量发展", Plan);

    // 二、具有较高开放合作水平（30分）
    public static readonly Rule ForeignFirms = new("openness.foreignFirms", "外资或合资企业数量", "拥有不少于10家外资或合资企业", Openness);
    public static readonly Rule Growth = new("openness.fdiOrExportGrowth", "外商直接投资额或出口贸易额增速", "外商直接投资额增速或出口贸易额增速高于本省（区、市）近三年平均水平", Openness);
    public static readonly Rule Mechanism = new("openness.cooperationMechanism", "与海外园区或机构的合作机制", "与海外园区或机构建立稳定务实的合作机制", Openness);
    public static readonly Rule OverseasOffices = new("openness.overseasOffices", "海外分支机构或海外联络站", "设立海外分支机构或海外联络站", Openness);
    public static readonly Rule Exchange = new("openness.regularExchange", "常态化国际交流", "国际贸易渠道畅通，常态化开展国际市场对接、产能共享、技术合作和人才交流", Openness);

    // 三、具有较强创新能力（20分）
    public static readonly Rule RdGrowth = new("innovation.rdGrowth", "研发经费近三年年均增长率", "中小企业研发经费近三年年均增长率高于4%", Innovation);
    public static readonly Rule Platforms = new("innovation.platforms", "省级及以上创新平台", "拥有不少于1家省级及以上创新平台", Innovation);
    public static readonly Rule OverseasRd = new("innovation.overseasRd", "海外研发机构", "在海外建立或合作的研发机构不少于1家", Innovation);
    public static readonly Rule PatentsOrPct = new("innovation.patentsOrPct", "有效发明专利增长或PCT数量", "有效发明专利近三年年均增长率不低于10%或国际发明专利（PCT）数量不低于5个", Innovation);

    // 四、具有显著优质中小企业培育成效（15分）
    public static readonly Rule SmeShare = new("quality.smeRevenueShare", "中小企业营业收入占比", "中小企业营业收入占合作区营业总收入60%以上", Quality);
    public static readonly Rule QualityFirms = new("quality.qualityFirms", "优质中小企业数量", "其中不少于1家制造业单项冠军企业或专精特新“小巨人”企业，或不少于10家专精特新中小企业，或不少于20家科技和创新型中小企业", Quality);
    public static readonly Rule DigitalGreen = new("quality.digitalGreen", "数字化转型和绿色化发展", "数字化服务能力较强、体系健全，持续开展节能改造和绿色低碳技术改造，中小企业数字化转型、绿色化发展成效显著", Quality);

    // 五、具有较强管理服务效能（20分）
    public static readonly Rule Operator = new("service.operator", "专门运营管理机构", "合作区设立专门运营管理机构", Service);
    public static readonly Rule InternationalServices = new("service.internationalServices", "国际化服务机构", "引入国际化服务机构", Service);
    public static readonly Rule FullCoverage = new("service.fullCoverage", "服务实现企业全覆盖", "在政策宣贯、创业创新、市场开拓、合规经营、人才和技术引进、知识产权保护、国际商务和法律指导等方面提供全方位、精准化、专业化、国际化服务，实现合作区内企业全覆盖", Service);

    public static IReadOnlyList<Rule> All { get; } =
    [
        Revenue, NoIncident, NoMisconduct, WithinPrefecture, IndustrialPolicy, ClearBoundaries,
        PlanExists, PlanQuality,
        ForeignFirms, Growth, Mechanism, OverseasOffices, Exchange,
        RdGrowth, Platforms, OverseasRd, PatentsOrPct,
        SmeShare, QualityFirms, DigitalGreen,
        Operator, InternationalServices, FullCoverage,
    ];
}
