using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>
/// Rules a–g under the plan table of form 003 ("2026 年目标值须符合以下要求") and form 004 ("2028年目标值须符合以下要求"),
/// each side of each rule. Baselines are 基准值 ({y-1}), targets 目标值 three years later.
/// </summary>
public class ClusterPlanRuleTests
{
    // 003 "a. 近三年产值年均增速不低于 10%"
    [Theory]
    [InlineData("9.99", RequirementOutcome.NotMet)]
    [InlineData("10", RequirementOutcome.Met)]
    [InlineData("10%", RequirementOutcome.Met)] // plan cells are free text; a trailing unit is dropped
    [InlineData("约10", RequirementOutcome.DataMissing)]
    public void A_output_growth_target_at_least_ten_percent(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("plan.targets.outputGrowth.target", target)).Req("plan.a.outputGrowth").Outcome);

    // 003 "b. 优质中小企业数量逐年增加" — at least one more each of the 3 years: 目标值 ≥ 基准值 + 3.
    [Theory]
    [InlineData("20", "22", RequirementOutcome.NotMet)]
    [InlineData("20", "23", RequirementOutcome.Met)]
    [InlineData("20", "20", RequirementOutcome.NotMet)]
    [InlineData("", "23", RequirementOutcome.DataMissing)]
    public void B_quality_smes_rise_every_year(string baseline, string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("plan.targets.qualitySmes.baseline", baseline), ("plan.targets.qualitySmes.target", target)).Req("plan.b.qualitySmes").Outcome);

    // 003 "c. 研发经费年均增速不低于 10%" — 10 × 1.1³ = 13.31.
    [Theory]
    [InlineData("13.30", RequirementOutcome.NotMet)]
    [InlineData("13.31", RequirementOutcome.Met)]
    [InlineData("13.31亿元", RequirementOutcome.Met)]
    public void C_rd_spending_grows_ten_percent_a_year(string target, RequirementOutcome expected)
    {
        var requirement = Cluster(("plan.targets.rdSpending.baseline", "10"), ("plan.targets.rdSpending.target", target)).Req("plan.c.rdSpending");

        Assert.Equal(expected, requirement.Outcome);
    }

    [Fact]
    public void C_a_zero_baseline_cannot_give_a_growth_rate()
    {
        Assert.Equal(RequirementOutcome.DataMissing, Cluster(("plan.targets.rdSpending.baseline", "0")).Req("plan.c.rdSpending").Outcome);
    }

    // 003 "d. 有效发明专利数年均增长不低于 15%" — 100 × 1.15³ = 152.0875.
    [Theory]
    [InlineData("152.08", RequirementOutcome.NotMet)]
    [InlineData("152.09", RequirementOutcome.Met)]
    public void D_patents_grow_fifteen_percent_a_year(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("plan.targets.patents.baseline", "100"), ("plan.targets.patents.target", target)).Req("plan.d.patents").Outcome);

    // 003 "e. 工业互联网普及率达到 45%左右" — checked as at least 45%.
    [Theory]
    [InlineData("44.99", RequirementOutcome.NotMet)]
    [InlineData("45", RequirementOutcome.Met)]
    public void E_industrial_internet_about_45_percent(string target, RequirementOutcome expected)
    {
        var requirement = Cluster(("plan.targets.iiPenetration.target", target)).Req("plan.e.industrialInternet");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Contains("左右", requirement.Explanation, StringComparison.Ordinal);
    }

    // 003 "f. 二氧化碳排放量降低达到 18%左右" — 100 → at most 82.
    [Theory]
    [InlineData("82.01", RequirementOutcome.NotMet)]
    [InlineData("82", RequirementOutcome.Met)]
    public void F_co2_down_about_18_percent(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("plan.targets.co2.baseline", "100"), ("plan.targets.co2.target", target)).Req("plan.f.co2").Outcome);

    // 003 "g. 集群单位工业产值能耗下降达到 13.5%左右" — 1 → at most 0.865.
    [Theory]
    [InlineData("0.866", RequirementOutcome.NotMet)]
    [InlineData("0.865", RequirementOutcome.Met)]
    public void G_energy_per_output_down_about_13_5_percent(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(("plan.targets.energy.baseline", "1"), ("plan.targets.energy.target", target)).Req("plan.g.energy").Outcome);

    // 004 "a.近三年产值年均增速不低于10%" … "d.有效发明专利数年均增长不低于15%"
    [Theory]
    [InlineData("plan.targets.outputGrowth.target", "9.99", "plan.a.outputGrowth", RequirementOutcome.NotMet)]
    [InlineData("plan.targets.outputGrowth.target", "10", "plan.a.outputGrowth", RequirementOutcome.Met)]
    [InlineData("plan.targets.qualitySmes.target", "33", "plan.b.qualitySmes", RequirementOutcome.NotMet)] // baseline 31
    [InlineData("plan.targets.qualitySmes.target", "34", "plan.b.qualitySmes", RequirementOutcome.Met)]
    [InlineData("plan.targets.rdSpending.target", "16.63", "plan.c.rdSpending", RequirementOutcome.NotMet)] // 12.5 × 1.331 = 16.6375
    [InlineData("plan.targets.rdSpending.target", "16.64", "plan.c.rdSpending", RequirementOutcome.Met)]
    [InlineData("plan.targets.patents.target", "205.31", "plan.d.patents", RequirementOutcome.NotMet)] // 135 × 1.520875 = 205.318125
    [InlineData("plan.targets.patents.target", "205.32", "plan.d.patents", RequirementOutcome.Met)]
    public void Xinjiang_rules_a_to_d(string answerKey, string target, string requirementKey, RequirementOutcome expected) =>
        Assert.Equal(expected, ClusterReview((answerKey, target)).Req(requirementKey).Outcome);

    // 004 "e.工业互联网普及率不低于行业平均水平" (and f, g): the form gives no industry average.
    [Theory]
    [InlineData("plan.e.industrialInternet")]
    [InlineData("plan.f.co2")]
    [InlineData("plan.g.energy")]
    public void Xinjiang_rules_e_to_g_go_to_the_reviewer(string requirementKey)
    {
        var requirement = ClusterReview().Req(requirementKey);

        Assert.Equal(RequirementOutcome.ReviewerJudgement, requirement.Outcome);
        Assert.Contains("行业平均水平", requirement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Xinjiang_rule_e_without_a_target_is_data_missing() =>
        Assert.Equal(RequirementOutcome.DataMissing, ClusterReview(("plan.targets.iiPenetration.target", "")).Req("plan.e.industrialInternet").Outcome);

    [Fact]
    public void Xinjiang_co2_reduction_is_shown_beside_the_rule()
    {
        var requirement = ClusterReview().Req("plan.f.co2"); // 88 → 75

        Assert.Contains(requirement.Figures, f => f.SourceKey is null && f.Value == 14.77m);
    }
}
