using System.Text.Json;
using System.Text.Json.Nodes;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class CatalogueTests
{
    [Fact]
    public void The_four_application_editions_and_two_annual_report_forms_load_and_pass_the_structural_checks()
    {
        var catalogue = FormEditionCatalogue.LoadEmbedded();

        Assert.Equal(["annual-cluster", "annual-zone", "cluster-2024", "cluster-review-xj", "zone-2025", "zone-2026"], catalogue.All.Select(d => d.Key));
        Assert.Equal(["cluster-2024", "cluster-review-xj", "zone-2025", "zone-2026"], catalogue.ApplicationForms.Select(d => d.Key));
        Assert.All(catalogue.All, d => Assert.Empty(FormDefinitionChecker.Problems(d)));
    }

    [Theory]
    [InlineData("zone-2026", 2026)]
    [InlineData("zone-2025", 2025)]
    [InlineData("cluster-2024", 2024)]
    [InlineData("cluster-review-xj", 2026)]
    public void Each_edition_records_the_round_it_was_published_for(string edition, int roundYear) =>
        Assert.Equal(roundYear, FormEditionCatalogue.Default.Get(edition).RoundYear);

    [Theory]
    [InlineData("zone-2026")]
    [InlineData("zone-2025")]
    [InlineData("cluster-2024")]
    [InlineData("cluster-review-xj")]
    public void A_definition_round_trips_through_a_submission_snapshot_unchanged(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var json = JsonSerializer.Serialize(definition, FormDefinitionJson.Options);

        var again = SubmissionSnapshot.Parse(SnapshotOf(definition).ToCanonicalJson()).Definition;

        Assert.Equal(json, JsonSerializer.Serialize(again, FormDefinitionJson.Options));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(EmbeddedJson(edition)), JsonNode.Parse(json)), "serialising changed the stored definition");
    }

    [Fact]
    public void Unknown_edition_is_refused_with_the_known_keys()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => FormEditionCatalogue.Default.Get("zone-2099"));

        Assert.Contains("zone-2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_refused_naming_the_edition_and_key()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var basic = definition.Sections[0];
        var broken = definition with
        {
            Key = "zone-broken",
            Sections = [basic with { Fields = [.. basic.Fields, basic.Fields[0]] }, .. definition.Sections.Skip(1)],
        };

        var error = Assert.Throws<FormDefinitionException>(() => new FormEditionCatalogue([broken]));

        Assert.Contains("zone-broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
        Assert.Contains("basic.zoneName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zone_form_missing_an_evidence_number_is_refused()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var basic = definition.Sections[0];
        var broken = definition with
        {
            Sections = [basic with { Fields = basic.Fields.Where(f => f.Key != "basic.fullServiceCoverage").ToList() }, .. definition.Sections.Skip(1)],
        };

        Assert.Contains(FormDefinitionChecker.Problems(broken), p => p.Contains("佐证材料 1–15", StringComparison.Ordinal));
    }

    [Fact]
    public void Insane_limits_and_unknown_placeholders_are_refused()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var industry = definition.Sections[1];
        var output = industry.Fields[0];
        var broken = definition with
        {
            Sections =
            [
                definition.Sections[0],
                industry with { Fields = [output with { Number = new NumberSpec { Min = 10, Max = 1 }, Label = "集群总产值{year}" }, .. industry.Fields.Skip(1)] },
                .. definition.Sections.Skip(2),
            ],
        };

        var problems = FormDefinitionChecker.Problems(broken);

        Assert.Contains(problems, p => p.Contains("industry.output", StringComparison.Ordinal) && p.Contains("not sane", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{year}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stored_copy_is_read_even_if_it_would_fail_todays_checks()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026") with { Sections = [] };

        var read = SubmissionSnapshot.Parse(SnapshotOf(definition).ToCanonicalJson()).Definition;

        Assert.Empty(read.Sections);
        Assert.NotEmpty(FormDefinitionChecker.Problems(read));
    }

    private static SubmissionSnapshot SnapshotOf(FormDefinition definition) => new()
    {
        ApplicationId = Guid.NewGuid(),
        ApplicationNumber = "HZQ-2026-0001",
        Sequence = 1,
        CampaignName = "测试批次",
        RoundYear = definition.RoundYear,
        Organisation = "测试单位",
        SubmittedAt = DateTimeOffset.UnixEpoch,
        SubmittedBy = "测试",
        Definition = definition,
        Answers = [],
        Evidence = [],
    };

    private static string EmbeddedJson(string edition)
    {
        var assembly = typeof(FormEditionCatalogue).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Forms.Editions.{edition}.json", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
