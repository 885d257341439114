using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Every answer key the engine reads exists in each form edition it reads.</summary>
public class AnswerKeysExistTests
{
    public static TheoryData<string, string> EditionPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in FormEditionCatalogue.Default.ApplicationForms)
        {
            data.Add(form.Declared().Criteria, form.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EditionPairs))]
    public void Every_key_read_is_an_answer_key_of_the_form(string criteriaKey, string formKey)
    {
        var form = FormEditionCatalogue.Default.Get(formKey);
        var slots = FormAnswerKeys.For(form, form.RoundYear);
        var known = slots.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var settings = new AssessmentSettings { ProvinceFdiGrowthAverage = 1m, ProvinceExportGrowthAverage = 1m };

        // Empty answers and answers filling every slot take different branches; both must stay inside the form.
        foreach (var answers in new[] { new FormAnswers(), Filled(slots) })
        {
            var assessment = AssessmentEngine.Assess(criteriaKey, form, form.RoundYear, answers, settings);

            Assert.NotEmpty(assessment.AnswerKeysRead);
            Assert.All(assessment.AnswerKeysRead, key => Assert.Contains(key, known));
            var figureKeys = assessment.Groups.SelectMany(g => g.Requirements).SelectMany(r => r.Figures).Select(f => f.SourceKey).OfType<string>();
            Assert.All(figureKeys.Where(k => !k.StartsWith("settings.", StringComparison.Ordinal)), key => Assert.True(known.Contains(key) || form.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Fields ?? [f]).Any(f => f.Key == key), key));
        }
    }

    [Theory]
    [InlineData("zone-2026")]
    [InlineData("zone-2025")]
    public void The_zone_keys_named_in_the_brief_exist(string formKey) => AssertKeys(formKey,
        "revenue.total.y3", "revenue.smeShare.y3", "openness.foreignFirms.y3", "openness.fdiGrowth.y1", "openness.exportGrowth.y2",
        "openness.agreements.y3", "openness.mechanism", "openness.overseasOffices.y3", "innovation.rdGrowth.y1", "innovation.provincialPlatforms.count",
        "innovation.nationalPlatforms.count", "innovation.overseasRd.count", "innovation.patentGrowth.y3", "innovation.pct.y3", "quality.champions",
        "quality.littleGiants", "quality.specialised", "quality.techSmes", "basic.majorIncident", "basic.seriousMisconduct", "basic.withinPrefecture",
        "basic.industrialPolicy", "basic.clearBoundaries", "basic.hasPlan", "basic.fullServiceCoverage", "service.operator.operatorEstablished",
        "service.operator.internationalServices", "quality.development.digital", "quality.development.green");

    [Fact]
    public void The_cluster_keys_named_in_the_brief_exist() => AssertKeys("cluster-2024",
        "basic.area", "industry.output.y1", "industry.smeShare.y3", "industry.leadingShare.y3", "industry.leadingGrowthAvg", "industry.champions.y3",
        "industry.littleGiants.y3", "industry.provincialSpecialised.y3", "industry.innovativeSmes.y3", "industry.highTech.y3", "industry.firms.y3",
        "industry.smes.y3", "basic.majorIncident", "basic.misconduct", "basic.prohibitedIndustry",
        "plan.targets.outputGrowth.target", "plan.targets.qualitySmes.baseline", "plan.targets.rdSpending.target", "plan.targets.patents.target",
        "plan.targets.iiPenetration.target", "plan.targets.co2.baseline", "plan.targets.energy.target");

    [Fact]
    public void The_review_keys_exist() => AssertKeys("cluster-review-xj",
        "plan.achievement.outputGrowth.achieved", "plan.achievement.co2.baseline", "plan.achievement.energy.target", "plan.achievement.openness.achieved",
        "plan.targets.patents.baseline", "plan.targets.energy.target", "industry.leadingGrowth.y2", "industry.leadingGrowthAvg", "basic.prohibitedIndustry");

    private static void AssertKeys(string formKey, params string[] keys)
    {
        var form = FormEditionCatalogue.Default.Get(formKey);
        var known = FormAnswerKeys.For(form, form.RoundYear).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Assert.All(keys, key => Assert.Contains(key, known));
    }

    private static FormAnswers Filled(IEnumerable<AnswerSlot> slots)
    {
        var answers = new FormAnswers();
        foreach (var slot in slots)
        {
            answers.Set(slot.Key, slot.Kind switch
            {
                SlotKind.Number => "1",
                SlotKind.Choice => slot.Options![0].Key,
                SlotKind.Flag => "true",
                _ => "1",
            });
        }

        return answers;
    }
}
