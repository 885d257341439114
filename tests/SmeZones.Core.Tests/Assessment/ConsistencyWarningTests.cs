using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Figures that cannot all be true. Tolerance: max(1 point, 1% of the computed value).</summary>
public class ConsistencyWarningTests
{
    [Fact]
    public void A_share_over_100_percent_warns() =>
        Assert.Contains(Zone(("revenue.smeShare.y2", "100.5")).Warnings, w => w.Code == "shareOver100" && w.AnswerKeys.Contains("revenue.smeShare.y2"));

    [Fact]
    public void A_growth_rate_below_minus_100_percent_warns() =>
        Assert.Contains(Zone(("openness.exportGrowth.y1", "-120")).Warnings, w => w.Code == "rateBelowMinus100");

    [Fact]
    public void More_cluster_smes_than_cluster_firms_warns()
    {
        var warning = Assert.Single(Cluster(("industry.smes.y2", "101")).Warnings);

        Assert.Equal("partExceedsTotal", warning.Code);
        Assert.Equal(["industry.smes.y2", "industry.firms.y2"], warning.AnswerKeys);
    }

    [Theory]
    [InlineData("12", false)] // computed 12.00
    [InlineData("11", false)] // within 1 point
    [InlineData("10.99", true)]
    [InlineData("13.01", true)]
    public void A_stated_average_growth_that_contradicts_the_yearly_output_warns(string stated, bool warns)
    {
        var warnings = Cluster(("industry.leadingGrowthAvg", stated)).Warnings;

        Assert.Equal(warns, warnings.Any(w => w.Code == "statedRateContradicts" && w.AnswerKeys.Contains("industry.leadingGrowthAvg")));
    }

    [Fact]
    public void A_stated_average_that_contradicts_the_yearly_rates_warns_on_the_review_form()
    {
        var assessment = ClusterReview([.. EveryYear("industry.leadingGrowth", "5"), ("industry.leadingGrowthAvg", "12")]);

        Assert.Contains(assessment.Warnings, w => w.Code == "statedRateContradicts" && w.Message.Contains("复合平均 5%", StringComparison.Ordinal));
    }

    [Fact]
    public void The_new_plan_baseline_must_repeat_the_achieved_value()
    {
        var warning = Assert.Single(ClusterReview(("plan.targets.patents.baseline", "120")).Warnings);

        Assert.Equal("sectionsDisagree", warning.Code);
        Assert.Equal(["plan.targets.patents.baseline", "plan.achievement.patents.achieved"], warning.AnswerKeys);
    }

    [Fact]
    public void A_plan_baseline_that_disagrees_with_the_section_figure_warns() =>
        Assert.Contains(Cluster(("innovation.validPatents", "90")).Warnings, w => w.Code == "sectionsDisagree" && w.AnswerKeys.Contains("plan.targets.patents.baseline"));

    [Fact]
    public void Full_coverage_declared_without_any_service_warns() =>
        Assert.Contains(Zone(("service.enterprise.policy", null)).Warnings, w => w.Code == "sectionsDisagree");

    [Fact]
    public void Warnings_never_change_an_outcome()
    {
        var assessment = Cluster(("industry.smes.y3", "500"));

        Assert.NotEmpty(assessment.Warnings);
        Assert.True(assessment.AllGatesMet);
        Assert.Equal(Cluster().Summary, assessment.Summary);
    }
}
