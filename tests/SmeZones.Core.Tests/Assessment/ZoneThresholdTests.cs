using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>
/// Every threshold of 认定标准（2024年版） at its boundary, on each side. The quoted lines are from seed
/// 002_b34cfffe2ee866dc.txt. Comparisons follow programme-rules.md: 以上/不低于/不少于 include the number, 高于 excludes it.
/// </summary>
public class ZoneThresholdTests
{
    // "企业年营业总收入一般不低于100亿元" — read for the latest data year (2025 in the 2026 round).
    [Theory]
    [InlineData("99.99", RequirementOutcome.NotMet)]
    [InlineData("100", RequirementOutcome.Met)]
    [InlineData("100.00", RequirementOutcome.Met)]
    [InlineData("100.01", RequirementOutcome.Met)]
    [InlineData("１００", RequirementOutcome.Met)] // full-width digits are read as the validator reads them
    [InlineData("", RequirementOutcome.DataMissing)]
    [InlineData("100亿", RequirementOutcome.DataMissing)]
    public void Revenue_gate_reads_the_latest_year(string revenue, RequirementOutcome expected)
    {
        var assessment = Zone(("revenue.total.y3", revenue));

        Assert.Equal(expected, assessment.Req("gate.revenue").Outcome);
        Assert.Equal(expected == RequirementOutcome.Met, assessment.AllGatesMet);
    }

    [Fact]
    public void Revenue_gate_ignores_earlier_years()
    {
        var assessment = Zone(("revenue.total.y1", "50"), ("revenue.total.y2", "60"), ("revenue.total.y3", "100"));

        var gate = assessment.Req("gate.revenue");
        Assert.Equal(RequirementOutcome.Met, gate.Outcome);
        Assert.Equal("2025年合作区营业总收入 100亿元，不低于100亿元", gate.Explanation);
        var figure = Assert.Single(gate.Figures);
        Assert.Equal(("revenue.total.y3", 2025, 100m, "亿元"), (figure.SourceKey, figure.Year, figure.Value, figure.Unit));
    }

    // "拥有不少于10家外资或合资企业"
    [Theory]
    [InlineData("9", RequirementOutcome.NotMet)]
    [InlineData("10", RequirementOutcome.Met)]
    [InlineData(" ", RequirementOutcome.DataMissing)]
    public void Foreign_firms_at_least_ten(string firms, RequirementOutcome expected)
    {
        var requirement = Zone(("openness.foreignFirms.y3", firms)).Req("openness.foreignFirms");

        Assert.Equal(expected, requirement.Outcome);
    }

    [Fact]
    public void Foreign_firms_explanation_names_year_count_and_rule()
    {
        Assert.Equal("2025年外资或合资企业 12家，不少于10家", Zone().Req("openness.foreignFirms").Explanation);
        Assert.Equal("2025年外资或合资企业 9家，少于10家", Zone(("openness.foreignFirms.y3", "9")).Req("openness.foreignFirms").Explanation);
    }

    // "中小企业研发经费近三年年均增长率高于4%" — the compound average of the three yearly rates, strictly above.
    [Theory]
    [InlineData("4", "4", "4", RequirementOutcome.NotMet)]
    [InlineData("4.00", "4.00", "4.00", RequirementOutcome.NotMet)]
    [InlineData("4.01", "4.01", "4.01", RequirementOutcome.Met)]
    [InlineData("2", "4", "6", RequirementOutcome.NotMet)] // (1.02 × 1.04 × 1.06)^(1/3) − 1 ≈ 3.99%
    [InlineData("4", "4", "4.01", RequirementOutcome.Met)] // ≈ 4.0033%: above, although it prints 4.00 with 2 decimals
    [InlineData("", "6", "6", RequirementOutcome.DataMissing)]
    public void Rd_growth_compound_average_above_four_percent(string y1, string y2, string y3, RequirementOutcome expected)
    {
        var requirement = Zone(("innovation.rdGrowth.y1", y1), ("innovation.rdGrowth.y2", y2), ("innovation.rdGrowth.y3", y3)).Req("innovation.rdGrowth");

        Assert.Equal(expected, requirement.Outcome);
    }

    [Fact]
    public void Compound_average_of_two_four_six_is_about_3_99_and_not_above_four()
    {
        var requirement = Zone(("innovation.rdGrowth.y1", "2"), ("innovation.rdGrowth.y2", "4"), ("innovation.rdGrowth.y3", "6")).Req("innovation.rdGrowth");

        Assert.Equal(RequirementOutcome.NotMet, requirement.Outcome);
        Assert.Contains("复合平均 3.99%，未高于4%", requirement.Explanation, StringComparison.Ordinal);
        Assert.Contains(requirement.Figures, f => f.SourceKey is null && f.Value == 3.99m);
    }

    [Fact]
    public void An_average_that_prints_as_the_threshold_shows_four_decimals()
    {
        var requirement = Zone(("innovation.rdGrowth.y1", "4"), ("innovation.rdGrowth.y2", "4"), ("innovation.rdGrowth.y3", "4.01")).Req("innovation.rdGrowth");

        Assert.Contains("复合平均 4.0033%，高于4%", requirement.Explanation, StringComparison.Ordinal);
    }

    // "拥有不少于1家省级及以上创新平台" — 国家级 + 省级.
    [Theory]
    [InlineData("0", "0", RequirementOutcome.NotMet)]
    [InlineData("0", "1", RequirementOutcome.Met)]
    [InlineData("1", "0", RequirementOutcome.Met)]
    [InlineData("", "1", RequirementOutcome.Met)] // the known count already suffices
    [InlineData("", "0", RequirementOutcome.DataMissing)]
    public void At_least_one_provincial_or_national_platform(string national, string provincial, RequirementOutcome expected)
    {
        var requirement = Zone(("innovation.nationalPlatforms.count", national), ("innovation.provincialPlatforms.count", provincial)).Req("innovation.platforms");

        Assert.Equal(expected, requirement.Outcome);
    }

    // "在海外建立或合作的研发机构不少于1家"
    [Theory]
    [InlineData("0", RequirementOutcome.NotMet)]
    [InlineData("1", RequirementOutcome.Met)]
    [InlineData("", RequirementOutcome.DataMissing)]
    public void At_least_one_overseas_rd_institution(string count, RequirementOutcome expected) =>
        Assert.Equal(expected, Zone(("innovation.overseasRd.count", count)).Req("innovation.overseasRd").Outcome);

    // "有效发明专利近三年年均增长率不低于10%或国际发明专利（PCT）数量不低于5个"
    [Theory]
    [InlineData("9.99", "0", RequirementOutcome.NotMet)]
    [InlineData("10.00", "0", RequirementOutcome.Met)]
    [InlineData("0", "4", RequirementOutcome.NotMet)]
    [InlineData("0", "5", RequirementOutcome.Met)]
    [InlineData("", "4", RequirementOutcome.DataMissing)]
    [InlineData("", "5", RequirementOutcome.Met)]
    public void Patent_growth_at_least_ten_percent_or_five_pct(string patentGrowth, string pct, RequirementOutcome expected)
    {
        var requirement = Zone([.. EveryYear("innovation.patentGrowth", patentGrowth), ("innovation.pct.y3", pct)]).Req("innovation.patentsOrPct");

        Assert.Equal(expected, requirement.Outcome);
    }

    // "中小企业营业收入占合作区营业总收入60%以上" — 以上 includes 60.00%.
    [Theory]
    [InlineData("59.99", RequirementOutcome.NotMet)]
    [InlineData("60.00", RequirementOutcome.Met)]
    [InlineData("60", RequirementOutcome.Met)]
    [InlineData("", RequirementOutcome.DataMissing)]
    public void Sme_revenue_share_sixty_percent_or_more(string share, RequirementOutcome expected) =>
        Assert.Equal(expected, Zone(("revenue.smeShare.y3", share)).Req("quality.smeRevenueShare").Outcome);

    // "其中不少于1家制造业单项冠军企业或专精特新“小巨人”企业，或不少于10家专精特新中小企业，或不少于20家科技和创新型中小企业"
    [Theory]
    [InlineData("0", "0", "0", "0", RequirementOutcome.NotMet)]
    [InlineData("1", "0", "0", "0", RequirementOutcome.Met)]
    [InlineData("0", "1", "0", "0", RequirementOutcome.Met)]
    [InlineData("0", "0", "9", "19", RequirementOutcome.NotMet)]
    [InlineData("0", "0", "10", "0", RequirementOutcome.Met)]
    [InlineData("0", "0", "0", "20", RequirementOutcome.Met)]
    [InlineData("0", "0", "9", "", RequirementOutcome.DataMissing)]
    public void Quality_firms_any_of_three_alternatives(string champions, string giants, string specialised, string tech, RequirementOutcome expected)
    {
        var requirement = Zone(("quality.champions", champions), ("quality.littleGiants", giants), ("quality.specialised", specialised), ("quality.techSmes", tech)).Req("quality.qualityFirms");

        Assert.Equal(expected, requirement.Outcome);
    }

    // "外商直接投资额增速或出口贸易额增速高于本省（区、市）近三年平均水平" — equal is not 高于.
    [Theory]
    [InlineData("5", "5", RequirementOutcome.NotMet)]
    [InlineData("5.01", "5", RequirementOutcome.Met)]
    [InlineData("5", "5.01", RequirementOutcome.Met)]
    [InlineData("4", "", RequirementOutcome.DataMissing)]
    public void Fdi_or_export_growth_above_the_province(string fdi, string exports, RequirementOutcome expected)
    {
        var requirement = Zone([.. EveryYear("openness.fdiGrowth", fdi), .. EveryYear("openness.exportGrowth", exports)]).Req("openness.fdiOrExportGrowth");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Contains(requirement.Figures, f => f.SourceKey == "settings.provinceFdiGrowthAverage" && f.Value == 5m);
    }

    [Fact]
    public void Province_reference_figures_not_entered_leave_the_growth_requirement_open()
    {
        var requirement = Zone(ZoneFixtureAnswers(), AssessmentSettings.None).Req("openness.fdiOrExportGrowth");

        Assert.Equal(RequirementOutcome.DataMissing, requirement.Outcome);
        Assert.Contains("省级参考值", requirement.Explanation, StringComparison.Ordinal);
        Assert.Contains("尚未录入", requirement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void One_province_figure_entered_is_enough_when_that_comparison_is_met()
    {
        var settings = new AssessmentSettings { ProvinceFdiGrowthAverage = 5m };

        Assert.Equal(RequirementOutcome.Met, Zone(ZoneFixtureAnswers(), settings).Req("openness.fdiOrExportGrowth").Outcome);
    }

    // "与海外园区或机构建立稳定务实的合作机制": agreements in the latest year and a mechanism described.
    [Theory]
    [InlineData("0", "与某园区签订协议", RequirementOutcome.NotMet)]
    [InlineData("1", "与某园区签订协议", RequirementOutcome.Met)]
    [InlineData("1", "无", RequirementOutcome.NotMet)]
    [InlineData("1", "", RequirementOutcome.DataMissing)]
    [InlineData("", "与某园区签订协议", RequirementOutcome.DataMissing)]
    public void Cooperation_mechanism_needs_agreements_and_a_description(string agreements, string mechanism, RequirementOutcome expected) =>
        Assert.Equal(expected, Zone(("openness.agreements.y3", agreements), ("openness.mechanism", mechanism)).Req("openness.cooperationMechanism").Outcome);

    // "设立海外分支机构或海外联络站"
    [Theory]
    [InlineData("0", RequirementOutcome.NotMet)]
    [InlineData("1", RequirementOutcome.Met)]
    public void Overseas_offices_at_least_one(string offices, RequirementOutcome expected) =>
        Assert.Equal(expected, Zone(("openness.overseasOffices.y3", offices)).Req("openness.overseasOffices").Outcome);

    private static Core.Forms.FormAnswers ZoneFixtureAnswers() => With(ZonePassing());
}
