using SmeZones.Core.Assessment;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

public class ZoneGatesAndScoreTests
{
    [Fact]
    public void The_passing_fixture_meets_every_checkable_requirement()
    {
        var assessment = Zone();

        Assert.True(assessment.AllGatesMet);
        Assert.All(assessment.Groups.SelectMany(g => g.Requirements), r => Assert.Contains(r.Outcome, new[] { RequirementOutcome.Met, RequirementOutcome.ReviewerJudgement }));
        Assert.Empty(assessment.Warnings);
        Assert.Equal(["gates", "plan", "openness", "innovation", "quality", "service"], assessment.Groups.Select(g => g.Key));
        Assert.Equal([null, 15m, 30m, 20m, 15m, 20m], assessment.Groups.Select(g => g.MaxPoints));
        Assert.Equal(18m, assessment.Group("openness")!.MinPointsToPass);
        Assert.Equal(assessment.Summary.Total, assessment.Summary.Met + assessment.Summary.ReviewerJudgement);
    }

    // "合作区须近三年未发生较大及以上质量、环境污染等事故…以及不存在严重失信、重大违法违规等行为"; "定位在地市级行政区划范围内，
    // 符合国家产业政策和行业发展规划要求，有明确的四至范围和功能划分"
    [Theory]
    [InlineData("basic.majorIncident", "gate.noMajorIncident", "yes", RequirementOutcome.NotMet)]
    [InlineData("basic.majorIncident", "gate.noMajorIncident", "no", RequirementOutcome.Met)]
    [InlineData("basic.seriousMisconduct", "gate.noSeriousMisconduct", "yes", RequirementOutcome.NotMet)]
    [InlineData("basic.withinPrefecture", "gate.withinPrefecture", "no", RequirementOutcome.NotMet)]
    [InlineData("basic.industrialPolicy", "gate.industrialPolicy", "no", RequirementOutcome.NotMet)]
    [InlineData("basic.clearBoundaries", "gate.clearBoundaries", "no", RequirementOutcome.NotMet)]
    [InlineData("basic.clearBoundaries", "gate.clearBoundaries", null, RequirementOutcome.DataMissing)]
    [InlineData("basic.clearBoundaries", "gate.clearBoundaries", "maybe", RequirementOutcome.DataMissing)]
    public void Declared_gates(string answerKey, string requirementKey, string? answer, RequirementOutcome expected)
    {
        var assessment = Zone((answerKey, answer));

        Assert.Equal(expected, assessment.Req(requirementKey).Outcome);
        Assert.Equal(expected == RequirementOutcome.Met, assessment.AllGatesMet);
    }

    [Fact]
    public void Empty_answers_give_data_missing_and_never_throw()
    {
        var assessment = Zone(new Core.Forms.FormAnswers(), AssessmentSettings.None);

        Assert.False(assessment.AllGatesMet);
        Assert.All(assessment.Group("gates")!.Requirements, r => Assert.Equal(RequirementOutcome.DataMissing, r.Outcome));
        Assert.Equal(RequirementOutcome.DataMissing, assessment.Req("innovation.rdGrowth").Outcome);
        Assert.Contains("2023年未填写", assessment.Req("innovation.rdGrowth").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_requirements_read_the_checkboxes()
    {
        var assessment = Zone(("service.operator.operatorEstablished", null), ("service.operator.internationalServices", "false"));

        Assert.Equal(RequirementOutcome.NotMet, assessment.Req("service.operator").Outcome);
        Assert.Equal(RequirementOutcome.NotMet, assessment.Req("service.internationalServices").Outcome);
        Assert.Equal(RequirementOutcome.Met, assessment.Req("service.fullCoverage").Outcome);
        Assert.Equal(RequirementOutcome.NotMet, Zone(("basic.fullServiceCoverage", "no")).Req("service.fullCoverage").Outcome);
    }

    // "总分须达到60分及以上，其中“具有较高开放合作水平”须达到18分及以上"
    [Theory]
    [InlineData(10, 18, 12, 10, 10, true, true)] // 60, openness 18
    [InlineData(10, 18, 11.5, 10, 10, true, false)] // 59.5
    [InlineData(15, 17.5, 20, 15, 20, true, false)] // 87.5 but openness 17.5
    [InlineData(15, 30, 20, 15, 20, false, false)] // full marks, a gate not met
    public void Pass_needs_gates_sixty_points_and_eighteen_for_openness(double plan, double openness, double innovation, double quality, double service, bool gates, bool passed)
    {
        var points = Points(plan, openness, innovation, quality, service);

        var result = ZoneScore.Evaluate(points, gates);

        Assert.True(result.IsValid);
        Assert.Equal(passed, result.Passed);
        Assert.Equal(points.Values.Sum(), result.Total);
        Assert.Equal(3, result.Reasons.Count);
    }

    [Theory]
    [InlineData(15.5, 30, 20, 15, 20)] // over the maximum of 一 (15)
    [InlineData(-0.5, 30, 20, 15, 20)]
    [InlineData(10, 18.3, 12, 10, 10)] // not a multiple of 0.5
    public void Points_outside_zero_to_max_or_off_the_half_point_steps_are_invalid(double plan, double openness, double innovation, double quality, double service)
    {
        var result = ZoneScore.Evaluate(Points(plan, openness, innovation, quality, service), allGatesMet: true);

        Assert.False(result.IsValid);
        Assert.False(result.Passed);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_missing_or_unknown_dimension_is_invalid()
    {
        var points = new Dictionary<string, decimal> { ["plan"] = 10, ["openness"] = 20, ["innovation"] = 15, ["quality"] = 10, ["extra"] = 5 };

        var result = ZoneScore.Evaluate(points, allGatesMet: true);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Scoring_an_assessment_uses_its_gates()
    {
        var failedGate = Zone(("basic.majorIncident", "yes"));

        Assert.False(ZoneScore.Evaluate(failedGate, Points(15, 30, 20, 15, 20)).Passed);
        Assert.True(ZoneScore.Evaluate(Zone(), Points(15, 30, 20, 15, 20)).Passed);
        Assert.Throws<ArgumentException>(() => ZoneScore.Evaluate(Cluster(), Points(15, 30, 20, 15, 20)));
    }

    [Fact]
    public void Suggested_points_follow_the_share_of_checkable_requirements_met()
    {
        // 二 has four checkable requirements (one more needs the reviewer): two fail → 30 × 2/4 = 15.
        var assessment = Zone(("openness.foreignFirms.y3", "9"), ("openness.overseasOffices.y3", "0"));

        var suggestions = ZoneScore.Suggest(assessment).ToDictionary(s => s.DimensionKey);

        Assert.Equal(15m, suggestions["openness"].Points);
        Assert.Contains("仅供参考", suggestions["openness"].Basis, StringComparison.Ordinal);
        Assert.Equal(20m, suggestions["innovation"].Points);
        Assert.Equal(15m, suggestions["plan"].Points); // 1 checkable (plan exists), met; feasibility is the reviewer's
    }

    [Fact]
    public void Suggested_points_round_down_to_half_points()
    {
        // 三: 3 of 4 met → 20 × 3/4 = 15; 四: 1 of 2 met → 7.5.
        var assessment = Zone(("innovation.overseasRd.count", "0"), ("revenue.smeShare.y3", "50"));

        var suggestions = ZoneScore.Suggest(assessment).ToDictionary(s => s.DimensionKey);

        Assert.Equal(15m, suggestions["innovation"].Points);
        Assert.Equal(7.5m, suggestions["quality"].Points);
    }

    private static Dictionary<string, decimal> Points(double plan, double openness, double innovation, double quality, double service) => new()
    {
        [ZoneScore.Plan] = (decimal)plan,
        [ZoneScore.Openness] = (decimal)openness,
        [ZoneScore.Innovation] = (decimal)innovation,
        [ZoneScore.Quality] = (decimal)quality,
        [ZoneScore.Service] = (decimal)service,
    };
}
