using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class AnswerKeyTests
{
    [Fact]
    public void Zone_editions_use_the_same_answer_keys_for_the_same_rows()
    {
        var keys2025 = FormAnswerKeys.For(FormEditionCatalogue.Default.Get("zone-2025"), 2025).Select(s => s.Key);
        var keys2026 = FormAnswerKeys.For(FormEditionCatalogue.Default.Get("zone-2026"), 2026).Select(s => s.Key);

        Assert.Equal(keys2025, keys2026);
    }

    [Fact]
    public void Every_shape_follows_the_documented_key_convention()
    {
        var keys = FormAnswerKeys.For(FormEditionCatalogue.Default.Get("zone-2026"), 2026).Select(s => s.Key).ToHashSet();

        Assert.Contains("basic.zoneName", keys);
        Assert.Contains("revenue.total.y1", keys);
        Assert.Contains("revenue.smeShare.y3", keys);
        Assert.Contains("openness.exchange.marketExpansion", keys);
        Assert.Contains("openness.exchange.otherChecked", keys);
        Assert.Contains("openness.exchange.other", keys);
        Assert.Contains("innovation.nationalPlatforms.count", keys);
        Assert.Contains("innovation.nationalPlatforms.names", keys);
        Assert.Contains("declaration.agreed", keys);
        Assert.Contains("cover.province", keys);
    }

    [Fact]
    public void Cluster_tables_use_row_column_and_year_keys()
    {
        var keys = FormAnswerKeys.For(FormEditionCatalogue.Default.Get("cluster-2024"), 2024).Select(s => s.Key).ToHashSet();

        Assert.Contains("innovation.standards.international.lead.y1", keys);
        Assert.Contains("innovation.standards.association.join.y3", keys);
        Assert.Contains("plan.targets.outputGrowth.baseline", keys);
        Assert.Contains("plan.targets.otherExtra2.indicator", keys);
        Assert.Equal(4 * 2 * 3, keys.Count(k => k.StartsWith("innovation.standards.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Slots_can_be_listed_per_section_for_a_renderer()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var openness = definition.Sections.Single(s => s.Key == "openness");

        var slots = FormAnswerKeys.ForSection(definition, openness, 2026);

        Assert.All(slots, s => Assert.Equal("openness", s.SectionKey));
        Assert.Equal(3 * 5 + 1 + 5 + 2, slots.Count);
    }

    [Fact]
    public void Answers_round_trip_as_a_flat_json_object()
    {
        var answers = new FormAnswers().Set("revenue.total.y1", "１２．５").Set("basic.zoneName", "某合作区");

        var again = FormAnswers.FromJson(answers.ToJson());

        Assert.Equal("１２．５", again.Get("revenue.total.y1"));
        Assert.Equal(2, again.Values.Count);
        Assert.StartsWith("{", answers.ToJson(), StringComparison.Ordinal);
    }
}
