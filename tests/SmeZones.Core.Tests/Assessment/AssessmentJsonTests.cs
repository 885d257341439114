using SmeZones.Core.Assessment;
using SmeZones.Core.Regions;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;

namespace SmeZones.Core.Tests.Assessment;

public class AssessmentJsonTests
{
    [Fact]
    public void An_assessment_round_trips_through_json_unchanged()
    {
        var settings = ZoneSettings with
        {
            ApplicantRegionClass = RegionClass.West,
            RelaxedClasses = AssessmentSettings.ZoneRelaxableClasses,
            Relaxations = new Dictionary<string, decimal> { ["gate.revenue"] = 80m },
        };
        var original = Zone(With(ZonePassing(), ("revenue.total.y3", "85"), ("revenue.smeShare.y1", "101")), settings);

        var json = AssessmentJson.Serialize(original);
        var restored = AssessmentJson.Deserialize(json);

        Assert.Equal(json, AssessmentJson.Serialize(restored));
        Assert.Equal(original.Summary, restored.Summary);
        Assert.Equal(original.AllGatesMet, restored.AllGatesMet);
        Assert.Equal(RegionClass.West, restored.Settings.ApplicantRegionClass);
        Assert.Equal(80m, restored.Settings.Relaxations["gate.revenue"]);
        Assert.Contains(RegionClass.Northeast, restored.Settings.RelaxedClasses);
        Assert.Single(restored.Req("gate.revenue").Relaxations);
        Assert.Equal(original.Warnings.Count, restored.Warnings.Count);
    }

    [Fact]
    public void Json_keeps_chinese_readable_and_enums_as_names()
    {
        var json = AssessmentJson.Serialize(Zone());

        Assert.Contains("\"outcome\":\"Met\"", json, StringComparison.Ordinal);
        Assert.Contains("外资或合资企业", json, StringComparison.Ordinal);
    }
}
