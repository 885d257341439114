namespace SmeZones.Core.Assessment;

/// <summary>
/// The rules of 中小企业特色产业集群认定标准（2022年版） (工信部企业〔2022〕119号). The standard itself is not among
/// the seed documents: the dimension texts are the Chinese quotations in programme-rules.md, and the gate
/// texts are worded as the applicant declares them in 一、基本情况 of forms 003/004.
/// </summary>
internal static class ClusterRules
{
    public const string Standard = "中小企业特色产业集群认定标准（2022年版）";
    private const string Gate = Standard + "·门槛（措辞取自申报表一、基本情况）";
    private const string Core = Standard + "·一";
    private const string Tiers = Standard + "·二";

    public static readonly Rule NoIncident = new("gate.noMajorIncident", "近三年未发生较大及以上事故或重大安全事件", "近三年未发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件", Gate);
    public static readonly Rule NoMisconduct = new("gate.noMisconduct", "不存在偷税漏税、违法违规、严重失信行为", "不存在偷税漏税、违法违规、严重失信和其他重大问题的行为", Gate);
    public static readonly Rule NotProhibited = new("gate.notProhibitedIndustry", "主导产业不属于禁止、限制和淘汰类产业", "集群主导产业不属于国家规定的禁止、限制和淘汰类产业", Gate);

    // 一 核心竞争力 (programme-rules.md: "1 核心竞争力: main industry is the county's pillar industry; 占地面积一般不超过100平方公里; …")
    public static readonly Rule Pillar = new("core.pillarIndustry", "主导产业为县域支柱产业", "主导产业是所在县域的支柱产业", Core + "（转述，标准原文未收入种子文件）");
    public static readonly Rule Area = new("core.area", "占地面积", "占地面积一般不超过100平方公里", Core);
    public static readonly Rule Output = new("core.outputEachYear", "近三年产值", "近三年产值均在40亿元以上", Core);
    public static readonly Rule SmeShare = new("core.smeOutputShare", "中小企业产值占比", "中小企业产值占集群总产值70%以上", Core);
    public static readonly Rule LeadingShare = new("core.leadingIndustryShare", "主导产业产值占比", "主导产业占集群总产值比例高于70%", Core);
    public static readonly Rule Growth = new("core.outputGrowth", "产值年均增速", "产值年均增速高于10%", Core);

    // 二 优质中小企业梯度培育
    public static readonly Rule QualityFirms = new("tiers.qualityFirms", "优质中小企业数量", "拥有不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业，或者不少于10家专精特新中小企业、创新型中小企业和国家级高新技术企业", Tiers);

    // 三–八: no thresholds were published; the reviewer judges each dimension.
    public static readonly Rule Chain = Judged("chain.judgement", "三", "产业链供应链协作");
    public static readonly Rule Innovation = Judged("innovation.judgement", "四", "协同创新能力");
    public static readonly Rule Digital = Judged("digital.judgement", "五", "数字化转型");
    public static readonly Rule Green = Judged("green.judgement", "六", "绿色化发展");
    public static readonly Rule Open = Judged("open.judgement", "七", "开放合作");
    public static readonly Rule Governance = Judged("governance.judgement", "八", "治理和服务能力");

    public static IReadOnlyList<Rule> Gates { get; } = [NoIncident, NoMisconduct, NotProhibited];

    public static IReadOnlyList<Rule> StandardRules { get; } =
        [.. Gates, Pillar, Area, Output, SmeShare, LeadingShare, Growth, QualityFirms, Chain, Innovation, Digital, Green, Open, Governance];

    private static Rule Judged(string key, string number, string title) =>
        new(key, title, $"{title}（认定标准未公布量化门槛，由评审判断）", $"{Standard}·{number}");
}
