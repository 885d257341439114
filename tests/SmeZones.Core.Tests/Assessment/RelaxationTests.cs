using SmeZones.Core.Assessment;
using SmeZones.Core.Regions;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>
/// 002: "中西部、东北地区申报认定合作区，上述指标将予以适当放宽"; clusters: 西部 "可适当放宽". The numbers are the round's.
/// </summary>
public class RelaxationTests
{
    private static AssessmentSettings ZoneRound(RegionClass applicant) => ZoneSettings with
    {
        ApplicantRegionClass = applicant,
        RelaxedClasses = AssessmentSettings.ZoneRelaxableClasses,
        Relaxations = new Dictionary<string, decimal> { ["gate.revenue"] = 80m, ["innovation.rdGrowth"] = 3m },
    };

    [Fact]
    public void A_western_zone_is_measured_against_the_relaxed_threshold()
    {
        var assessment = Zone(With(ZonePassing(), ("revenue.total.y3", "85")), ZoneRound(RegionClass.West));

        var gate = assessment.Req("gate.revenue");
        Assert.Equal(RequirementOutcome.Met, gate.Outcome);
        var relaxation = Assert.Single(gate.Relaxations);
        Assert.Equal((100m, 80m, RegionClass.West), (relaxation.OriginalThreshold, relaxation.RelaxedThreshold, relaxation.RegionClass));
        Assert.Contains("西部地区放宽：标准100亿元，本轮放宽为80亿元", gate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eastern_zone_is_not_relaxed()
    {
        var gate = Zone(With(ZonePassing(), ("revenue.total.y3", "85")), ZoneRound(RegionClass.East)).Req("gate.revenue");

        Assert.Equal(RequirementOutcome.NotMet, gate.Outcome);
        Assert.Empty(gate.Relaxations);
    }

    [Fact]
    public void A_relaxed_rate_keeps_the_standards_comparison()
    {
        // Relaxed to 高于3%: exactly 3% is still not above it.
        var settings = ZoneRound(RegionClass.Northeast);

        Assert.Equal(RequirementOutcome.NotMet, Zone(With(ZonePassing(), EveryYear("innovation.rdGrowth", "3")), settings).Req("innovation.rdGrowth").Outcome);
        Assert.Equal(RequirementOutcome.Met, Zone(With(ZonePassing(), EveryYear("innovation.rdGrowth", "3.01")), settings).Req("innovation.rdGrowth").Outcome);
    }

    [Fact]
    public void Without_an_applicant_class_nothing_is_relaxed() =>
        Assert.Empty(Zone(With(ZonePassing(), ("revenue.total.y3", "85")), ZoneRound(RegionClass.West) with { ApplicantRegionClass = null }).Req("gate.revenue").Relaxations);

    [Theory]
    [InlineData(RegionClass.West, RequirementOutcome.Met)]
    [InlineData(RegionClass.Central, RequirementOutcome.NotMet)] // clusters relax only 西部
    [InlineData(RegionClass.East, RequirementOutcome.NotMet)]
    public void Cluster_area_relaxed_only_for_the_west(RegionClass applicant, RequirementOutcome expected)
    {
        var settings = new AssessmentSettings
        {
            ApplicantRegionClass = applicant,
            RelaxedClasses = AssessmentSettings.ClusterRelaxableClasses,
            Relaxations = new Dictionary<string, decimal> { ["core.area"] = 150m },
        };

        Assert.Equal(expected, Cluster(With(ClusterPassing(), ("basic.area", "120")), settings).Req("core.area").Outcome);
    }

    [Fact]
    public void A_relaxation_naming_no_threshold_is_reported()
    {
        var settings = ZoneSettings with { Relaxations = new Dictionary<string, decimal> { ["openness.foreignFirmz"] = 5m } };

        var warning = Assert.Single(Zone(With(ZonePassing()), settings).Warnings);
        Assert.Equal("unknownRelaxation", warning.Code);
    }

    [Fact]
    public void Every_relaxable_threshold_key_is_unique_and_listed()
    {
        foreach (var edition in CriteriaEditions.All)
        {
            Assert.Equal(edition.Thresholds.Count, edition.Thresholds.Select(t => t.Key).Distinct().Count());
        }

        Assert.Equal(13, CriteriaEditions.Get("zone-2024").Thresholds.Count);
        Assert.Equal(7, CriteriaEditions.Get("cluster-2022").Thresholds.Count);
    }
}
