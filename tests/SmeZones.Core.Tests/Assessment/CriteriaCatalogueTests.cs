using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

public class CriteriaCatalogueTests
{
    /// <summary>认定标准（2024年版）, copied from seed 002_b34cfffe2ee866dc.txt (the annex).</summary>
    private const string ZoneStandard =
        "中外中小企业合作区（以下简称合作区）以中小企业为主体，定位在地市级行政区划范围内，符合国家产业政策和行业发展规划要求，有明确的四至范围和功能划分，企业年营业总收入一般不低于100亿元。合作区须近三年未发生较大及以上质量、环境污染等事故，未发生重大及以上生产安全、网络安全和数据安全事件，以及不存在严重失信、重大违法违规等行为。" +
        "合作区积极落实对外开放政策，围绕提升开放合作水平、增强创新能力、优质中小企业培育、健全服务体系等方面滚动编制建设发展规划及年度工作方案，发展目标科学合理、切实可行，重点任务和工作举措明确清晰、可考核，有效带动地区经济高质量发展。" +
        "合作区积极推进中小企业高水平开放合作，拥有不少于10家外资或合资企业，外商直接投资额增速或出口贸易额增速高于本省（区、市）近三年平均水平，与海外园区或机构建立稳定务实的合作机制，设立海外分支机构或海外联络站。国际贸易渠道畅通，常态化开展国际市场对接、产能共享、技术合作和人才交流，产业集聚效应明显，相关产品质量高，具有一定的国际品牌知名度，深度融入全球产业链供应链价值链。" +
        "合作区重视研发持续投入，中小企业研发经费近三年年均增长率高于4%，统筹建立了多元创新平台，大中小企业融通创新和产学研协同创新机制完善，拥有不少于1家省级及以上创新平台，在海外建立或合作的研发机构不少于1家，聚集国际创新资源，融入全球创新网络，有效发明专利近三年年均增长率不低于10%或国际发明专利（PCT）数量不低于5个。" +
        "合作区持续开展优质中小企业梯度培育工作，中小企业营业收入占合作区营业总收入60%以上，拥有一定数量的对外合作水平较高的优质中小企业，其中不少于1家制造业单项冠军企业或专精特新“小巨人”企业，或不少于10家专精特新中小企业，或不少于20家科技和创新型中小企业。数字化服务能力较强、体系健全，持续开展节能改造和绿色低碳技术改造，中小企业数字化转型、绿色化发展成效显著。" +
        "合作区设立专门运营管理机构，管理和运行机制完善，引入国际化服务机构，在政策宣贯、创业创新、市场开拓、合规经营、人才和技术引进、知识产权保护、国际商务和法律指导等方面提供全方位、精准化、专业化、国际化服务，实现合作区内企业全覆盖。";

    [Fact]
    public void Each_form_edition_declares_the_criteria_it_is_assessed_by()
    {
        Assert.Equal(["cluster-2022", "cluster-review-xj", "zone-2024"], CriteriaEditions.All.Select(e => e.Key));
        Assert.Equal("zone-2024", Assert.Single(CriteriaEditions.ForForm("zone-2026")).Key);
        Assert.Equal("zone-2024", Assert.Single(CriteriaEditions.ForForm("zone-2025")).Key);
        Assert.Equal("cluster-2022", Assert.Single(CriteriaEditions.ForForm("cluster-2024")).Key);
        Assert.Equal("cluster-review-xj", Assert.Single(CriteriaEditions.ForForm("cluster-review-xj")).Key);
        Assert.Empty(CriteriaEditions.ForForm("zone-2099"));
        Assert.Throws<KeyNotFoundException>(() => CriteriaEditions.Get("zone-2099"));
    }

    [Fact]
    public void A_form_edition_the_criteria_do_not_read_is_refused() =>
        Assert.Throws<ArgumentException>(() => AssessmentEngine.Assess("zone-2024", FormEditionCatalogue.Default.Get("cluster-2024"), 2024, new FormAnswers(), AssessmentSettings.None));

    [Fact]
    public void The_earlier_zone_form_is_read_with_its_own_years()
    {
        var assessment = AssessmentEngine.Assess("zone-2024", FormEditionCatalogue.Default.Get("zone-2025"), 2025, With(ZonePassing()), ZoneSettings);

        Assert.Equal([2022, 2023, 2024], assessment.DataYears);
        Assert.StartsWith("2024年合作区营业总收入", assessment.Req("gate.revenue").Explanation, StringComparison.Ordinal);
        Assert.True(assessment.AllGatesMet);
    }

    [Theory]
    [InlineData("zone-2024")]
    [InlineData("cluster-2022")]
    [InlineData("cluster-review-xj")]
    public void The_requirement_keys_are_the_ones_the_assessment_yields(string key)
    {
        var edition = CriteriaEditions.Get(key);
        var form = FormEditionCatalogue.Default.ApplicationForms.First(f => f.Declared().Criteria == key);

        var assessment = AssessmentEngine.Assess(key, form, form.RoundYear, new FormAnswers(), AssessmentSettings.None);

        Assert.Equal(edition.RequirementKeys.Order(StringComparer.Ordinal), assessment.Groups.SelectMany(g => g.Requirements).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Zone_rule_texts_are_verbatim_from_the_standard()
    {
        var standard = FormText.NormaliseForComparison(ZoneStandard);

        Assert.All(Zone().Groups.SelectMany(g => g.Requirements), r => Assert.Contains(FormText.NormaliseForComparison(r.RuleText), standard, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cluster-2022", "cluster-2024")]
    [InlineData("cluster-review-xj", "cluster-review-xj")]
    public void Plan_rule_texts_are_the_forms_printed_notes(string criteriaKey, string formKey)
    {
        var form = FormEditionCatalogue.Default.Get(formKey);
        var notes = form.Sections.SelectMany(s => s.Fields).Single(f => f.Key == "plan.targets").Notes!.Select(FormText.NormaliseForComparison).ToList();

        var plan = AssessmentEngine.Assess(criteriaKey, form, form.RoundYear, new FormAnswers(), AssessmentSettings.None).Group("plan")!;

        Assert.Equal(7, plan.Requirements.Count);
        Assert.All(plan.Requirements, r => Assert.Contains(FormText.NormaliseForComparison(r.RuleText), notes));
    }
}
