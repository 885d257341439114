using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Tests.Assessment;

/// <summary>Which requirements a section page shows: those with a figure read from one of that section's answers.</summary>
public class AssessmentSectionsTests
{
    private static readonly FormDefinition ZoneForm = FormEditionCatalogue.Default.Get("zone-2026");

    [Fact]
    public void The_openness_section_bears_on_the_openness_requirements_and_not_on_innovation()
    {
        var reading = Zone().RequirementsReading(ZoneForm, "openness");

        Assert.Contains("openness.foreignFirms", reading);
        Assert.DoesNotContain("innovation.rdGrowth", reading);
        Assert.DoesNotContain("gate.noMajorIncident", reading);
    }

    [Fact]
    public void A_gate_read_from_the_basic_section_belongs_to_it()
    {
        var reading = Zone().RequirementsReading(ZoneForm, "basic");

        Assert.Contains("gate.noMajorIncident", reading);
        Assert.DoesNotContain("openness.foreignFirms", reading);
    }

    [Fact]
    public void A_figure_naming_a_whole_checkbox_field_belongs_to_the_field_s_section()
    {
        var assessment = Zone();
        // The exchange requirement reads the checkbox list as a whole ("openness.exchange"), not one of its boxes.
        var exchange = assessment.Groups.SelectMany(g => g.Requirements)
            .Single(r => r.Figures.Any(f => f.SourceKey == "openness.exchange"));

        Assert.Contains(exchange.Key, assessment.RequirementsReading(ZoneForm, "openness"));
        Assert.DoesNotContain(exchange.Key, assessment.RequirementsReading(ZoneForm, "service"));
    }

    [Fact]
    public void Sections_the_criteria_do_not_read_bear_on_no_requirement()
    {
        var assessment = Zone();

        Assert.Empty(assessment.RequirementsReading(ZoneForm, FormAnswerKeys.CoverSection));
        Assert.Empty(assessment.RequirementsReading(ZoneForm, "declaration"));
        Assert.Empty(assessment.RequirementsReading(ZoneForm, "no-such-section"));
    }

    public static TheoryData<string> Editions => new() { "zone", "cluster", "review" };

    /// <summary>
    /// Every figure read from an answer is found in some section, so no requirement the assessment reads from the form
    /// is missing from every section page (a criteria key the slots do not know would drop it silently).
    /// </summary>
    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_requirement_with_a_figure_from_the_form_bears_on_some_section(string edition)
    {
        var (assessment, form) = edition switch
        {
            "zone" => (Zone(), ZoneForm),
            "cluster" => (Cluster(), FormEditionCatalogue.Default.Get("cluster-2024")),
            _ => (ClusterReview(), FormEditionCatalogue.Default.Get("cluster-review-xj")),
        };
        var sectionKeys = form.Sections.Select(s => s.Key).Prepend(FormAnswerKeys.CoverSection).ToList();
        var covered = sectionKeys.SelectMany(s => assessment.RequirementsReading(form, s)).ToHashSet();

        var fromForm = FromForm(assessment).ToList();

        Assert.NotEmpty(fromForm);
        Assert.All(fromForm, r => Assert.Contains(r.Key, covered));
    }

    private static IEnumerable<RequirementResult> FromForm(AssessmentResult assessment) =>
        assessment.Groups.SelectMany(g => g.Requirements)
            .Where(r => r.Figures.Any(f => f.SourceKey is { } s && !s.StartsWith("settings.", StringComparison.Ordinal)));
}
