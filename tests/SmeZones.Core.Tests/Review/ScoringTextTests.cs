using SmeZones.Core.Assessment;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Review;

public class ScoringTextTests
{
    [Fact]
    public void A_relaxed_threshold_is_shown_with_the_original_and_the_relaxed_value()
    {
        var settings = ZoneSettings with
        {
            ApplicantRegionClass = RegionClass.West,
            RelaxedClasses = new HashSet<RegionClass> { RegionClass.West },
            Relaxations = new Dictionary<string, decimal> { ["openness.foreignFirms"] = 8m },
        };
        var assessment = Zone(With(ZonePassing(), EveryYear("openness.foreignFirms", "9")), settings);

        var requirement = assessment.Req("openness.foreignFirms");

        Assert.Equal(RequirementOutcome.Met, requirement.Outcome);
        Assert.Equal("已按中西部/东北放宽：原标准 10家，放宽为 8家", ScoringText.Relaxation(Assert.Single(requirement.Relaxations), assessment.CriteriaEditionKey));
    }

    [Theory]
    [InlineData(RequirementOutcome.Met, "符合")]
    [InlineData(RequirementOutcome.NotMet, "不符合")]
    [InlineData(RequirementOutcome.ReviewerJudgement, "需审核人判断")]
    [InlineData(RequirementOutcome.DataMissing, "数据缺失")]
    public void Outcomes_read_in_Chinese(RequirementOutcome outcome, string expected) =>
        Assert.Equal(expected, ScoringText.Outcome(outcome));

    [Theory]
    [InlineData(12.0, "家", null, "12家")]
    [InlineData(4.5, "%", null, "4.5%")]
    [InlineData(null, "亿元", null, "未填写")]
    [InlineData(null, "", "是", "是")]
    [InlineData(1.0, "", "已勾选", "已勾选")]
    [InlineData(2.0, "项", "政策宣贯；市场开拓", "2项（政策宣贯；市场开拓）")]
    public void Figures_read_as_their_value_and_unit_or_the_answer_s_words(double? value, string unit, string? text, string expected) =>
        Assert.Equal(expected, ScoringText.Figure(new FigureUsed("数据", (decimal?)value, unit, "k", null, text)));
}
