using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Issue 10's criteria gaps: form 004's 运营管理机构 change, and the plan rows an applicant adds (rules a–g).</summary>
public class CriteriaGapTests
{
    private const string OperatorChange = "gate.operatorChangeFiled";

    [Fact]
    public void A_changed_operator_is_put_before_the_reviewer_to_check_it_was_filed()
    {
        var assessment = ClusterReview(("basic.operatorChanged", "yes"));

        var requirement = assessment.Req(OperatorChange);
        Assert.Equal(RequirementOutcome.ReviewerJudgement, requirement.Outcome);
        Assert.Contains("已发生变化", requirement.Explanation, StringComparison.Ordinal);
        Assert.Contains("情况说明", requirement.Explanation, StringComparison.Ordinal);
        Assert.Contains("报备", requirement.Explanation, StringComparison.Ordinal);
        Assert.False(assessment.AllGatesMet); // not passed until the reviewer has seen it
        Assert.Contains(requirement.Figures, f => f.SourceKey == "basic.operatorChanged" && f.Text == "是");
    }

    [Fact]
    public void An_unchanged_operator_meets_it_and_a_blank_answer_is_missing_data()
    {
        Assert.Equal(RequirementOutcome.Met, ClusterReview().Req(OperatorChange).Outcome);
        Assert.True(ClusterReview().AllGatesMet);
        Assert.Equal(RequirementOutcome.DataMissing, ClusterReview(("basic.operatorChanged", null)).Req(OperatorChange).Outcome);
        Assert.Equal(RequirementOutcome.DataMissing, ClusterReview(("basic.operatorChanged", "maybe")).Req(OperatorChange).Outcome);
    }

    [Fact]
    public void The_national_cluster_form_has_no_operator_change_rule() =>
        Assert.Null(Cluster().Requirement(OperatorChange));

    // c: 研发 growth ≥ 10% a year over three years: 100 × 1.1³ = 133.1.
    [Theory]
    [InlineData("133.1", RequirementOutcome.Met)]
    [InlineData("133.09", RequirementOutcome.NotMet)]
    public void An_added_national_rd_row_is_held_to_rule_c_at_its_boundary(string target, RequirementOutcome expected)
    {
        var requirement = Cluster(Added("innovationExtra1", "研发人员投入", "100", target)).Req("plan.c.rdSpending.innovationExtra1");

        Assert.Equal(expected, requirement.Outcome);
        Assert.Contains("研发人员投入", requirement.Title, StringComparison.Ordinal);
    }

    // d: patents ≥ 15% a year: 100 × 1.15³ = 152.0875.
    [Theory]
    [InlineData("152.09", RequirementOutcome.Met)]
    [InlineData("152.08", RequirementOutcome.NotMet)]
    public void An_added_patent_row_is_held_to_rule_d(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(Added("innovationExtra2", "PCT国际专利申请量", "100", target)).Req("plan.d.patents.innovationExtra2").Outcome);

    // f (003): CO₂ down about 18%: 100 → 82 meets, 82.01 does not.
    [Theory]
    [InlineData("82", RequirementOutcome.Met)]
    [InlineData("82.01", RequirementOutcome.NotMet)]
    public void An_added_national_emission_row_is_held_to_rule_f(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(Added("greenExtra1", "单位产值二氧化碳排放量", "100", target)).Req("plan.f.co2.greenExtra1").Outcome);

    // b: rising every year: at least 3 more over three years.
    [Theory]
    [InlineData("23", RequirementOutcome.Met)]
    [InlineData("22", RequirementOutcome.NotMet)]
    public void An_added_quality_firm_row_is_held_to_rule_b(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(Added("industryExtra1", "专精特新中小企业数量", "20", target)).Req("plan.b.qualitySmes.industryExtra1").Outcome);

    // a: a growth-rate row's 目标值 itself must be ≥ 10%.
    [Theory]
    [InlineData("10", RequirementOutcome.Met)]
    [InlineData("9.99", RequirementOutcome.NotMet)]
    public void An_added_output_growth_row_is_held_to_rule_a(string target, RequirementOutcome expected) =>
        Assert.Equal(expected, Cluster(Added("industryExtra2", "主导产业产值年均增速", "8", target)).Req("plan.a.outputGrowth.industryExtra2").Outcome);

    [Fact]
    public void An_added_xinjiang_energy_row_goes_to_the_reviewer_against_the_industry_average()
    {
        var requirement = ClusterReview(Added("greenExtra1", "万元产值综合能耗", "1", "0.9")).Req("plan.g.energy.greenExtra1");

        Assert.Equal(RequirementOutcome.ReviewerJudgement, requirement.Outcome);
        Assert.Contains("行业平均水平", requirement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_row_naming_no_rule_goes_to_the_reviewer_and_a_blank_row_is_not_assessed()
    {
        var assessment = Cluster(Added("otherExtra1", "龙头企业数量", "2", "4"));

        var requirement = assessment.Req("plan.added.otherExtra1");
        Assert.Equal(RequirementOutcome.ReviewerJudgement, requirement.Outcome);
        Assert.Contains("不对应备注 a–g", requirement.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(Cluster().Groups.SelectMany(g => g.Requirements), r => r.Key.Contains("Extra", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_target_in_an_added_row_is_missing_data_not_a_pass() =>
        Assert.Equal(RequirementOutcome.DataMissing, Cluster(Added("innovationExtra1", "研发经费", "100", null)).Req("plan.c.rdSpending.innovationExtra1").Outcome);

    private static (string Key, string? Value)[] Added(string row, string indicator, string baseline, string? target) =>
    [
        ($"plan.targets.{row}.indicator", indicator),
        ($"plan.targets.{row}.baseline", baseline),
        ($"plan.targets.{row}.target", target),
    ];
}
