using SmeZones.Core.Assessment;
using SmeZones.Core.Review;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Form 004 三、发展成效: "2023年基准值 | 2025年目标值 | 2025年完成值" for each indicator.</summary>
public class PlanCompletionTests
{
    [Fact]
    public void The_passing_fixture_completes_every_target()
    {
        var assessment = ClusterReview();

        Assert.True(assessment.AllGatesMet);
        Assert.Equal(["gates", "completion", "plan"], assessment.Groups.Select(g => g.Key));
        Assert.Equal("2025年发展目标完成情况", assessment.Group("completion")!.Title);
        Assert.All(assessment.Group("completion")!.Requirements, r => Assert.Contains(r.Outcome, new[] { RequirementOutcome.Met, RequirementOutcome.ReviewerJudgement }));
        Assert.Empty(assessment.Warnings);
    }

    [Theory]
    [InlineData("qualitySmes", "29", RequirementOutcome.NotMet)] // target 30
    [InlineData("qualitySmes", "30", RequirementOutcome.Met)]
    [InlineData("iiPenetration", "39.99", RequirementOutcome.NotMet)] // target 40
    [InlineData("co2", "90.01", RequirementOutcome.NotMet)] // down: target 90
    [InlineData("co2", "90", RequirementOutcome.Met)]
    [InlineData("energy", "0.91", RequirementOutcome.NotMet)] // down: target 0.9
    [InlineData("energy", "", RequirementOutcome.DataMissing)]
    public void Achieved_against_target_with_direction(string row, string achieved, RequirementOutcome expected)
    {
        // Keep the new plan's baseline equal to the achieved value so no warning distracts.
        var assessment = ClusterReview(($"plan.achievement.{row}.achieved", achieved), ($"plan.targets.{row}.baseline", achieved));

        Assert.Equal(expected, assessment.Req("completion." + row).Outcome);
    }

    [Fact]
    public void Completion_rate_of_a_down_indicator_is_the_share_of_the_planned_reduction()
    {
        // CO₂ 100 → target 90 → achieved 95: half of the planned reduction.
        var requirement = ClusterReview(("plan.achievement.co2.achieved", "95"), ("plan.targets.co2.baseline", "95")).Req("completion.co2");

        Assert.Equal(RequirementOutcome.NotMet, requirement.Outcome);
        Assert.Contains(requirement.Figures, f => f.Label.EndsWith("完成率", StringComparison.Ordinal) && f.Value == 50m);
    }

    [Fact]
    public void Completion_rate_of_an_up_indicator_is_achieved_over_target() =>
        Assert.Contains(ClusterReview().Req("completion.qualitySmes").Figures, f => f.Label.EndsWith("完成率", StringComparison.Ordinal) && f.Value == 103.33m);

    [Fact]
    public void An_added_row_goes_to_the_reviewer_with_its_figures()
    {
        var assessment = ClusterReview(
            ("plan.achievement.industryExtra1.indicator", "龙头企业数量"),
            ("plan.achievement.industryExtra1.baseline", "2"),
            ("plan.achievement.industryExtra1.target", "4"),
            ("plan.achievement.industryExtra1.achieved", "5"));

        var requirement = assessment.Req("completion.industryExtra1");
        Assert.Equal(RequirementOutcome.ReviewerJudgement, requirement.Outcome);
        Assert.Contains("龙头企业数量", requirement.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formula_of_an_up_indicator_is_stated_beside_its_rate()
    {
        var rate = RateFigure(ClusterReview(), "qualitySmes");

        Assert.Equal(103.33m, rate.Value);
        Assert.Equal("完成值 31 ÷ 目标值 30 × 100%", rate.Text);
        Assert.Equal("103.33%（完成值 31 ÷ 目标值 30 × 100%）", ScoringText.Figure(rate));
    }

    [Fact]
    public void The_formula_of_a_down_indicator_is_the_progress_from_the_baseline()
    {
        // CO₂ 100 → target 90 → achieved 95: (100 − 95) ÷ (100 − 90) = 50%.
        var rate = RateFigure(ClusterReview(("plan.achievement.co2.achieved", "95"), ("plan.targets.co2.baseline", "95")), "co2");

        Assert.Equal(50m, rate.Value);
        Assert.Equal("下降类指标，按自基准值起的下降进度计算：（基准值 100 − 完成值 95）÷（基准值 100 − 目标值 90）× 100%", rate.Text);
    }

    [Fact]
    public void A_down_indicator_with_no_planned_reduction_says_it_divides_target_by_achieved()
    {
        // Energy 0.8 → target 0.9 (no reduction planned) → achieved 0.88: 0.9 ÷ 0.88.
        var rate = RateFigure(ClusterReview(("plan.achievement.energy.baseline", "0.8")), "energy");

        Assert.Equal(102.27m, rate.Value);
        Assert.Equal("下降类指标，未计划自基准值下降：目标值 0.9 ÷ 完成值 0.88 × 100%", rate.Text);
    }

    [Fact]
    public void Every_completion_rate_has_its_formula()
    {
        var rates = ClusterReview().Group("completion")!.Requirements.SelectMany(r => r.Figures).Where(f => f.Label.EndsWith("完成率", StringComparison.Ordinal)).ToList();

        Assert.Equal(7, rates.Count);
        Assert.All(rates, f => Assert.EndsWith("× 100%", f.Text, StringComparison.Ordinal));
    }

    private static FigureUsed RateFigure(SmeZones.Core.Assessment.Assessment assessment, string row) =>
        Assert.Single(assessment.Req("completion." + row).Figures, f => f.Label.EndsWith("完成率", StringComparison.Ordinal));

    [Fact]
    public void Qualitative_rows_need_both_cells()
    {
        Assert.Equal(RequirementOutcome.ReviewerJudgement, ClusterReview().Req("completion.openness").Outcome);
        Assert.Equal(RequirementOutcome.DataMissing, ClusterReview(("plan.achievement.governance.achieved", null)).Req("completion.governance").Outcome);
    }
}
