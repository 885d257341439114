using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>The complete answer sets other tests build on are what they claim: valid for submission, and nothing else.</summary>
public class ApplicationPrintFixtureTests
{
    [Theory]
    [InlineData("zone-2026", 2026)]
    [InlineData("zone-2025", 2025)]
    [InlineData("cluster-2024", 2024)]
    [InlineData("cluster-review-xj", 2026)]
    public void Each_fixture_passes_submit_validation_for_its_own_round(string edition, int roundYear)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);

        var result = FormValidation.Validate(definition, roundYear, FormFixtures.Complete(edition), ValidationMode.Submit);

        Assert.Equal(roundYear, FormFixtures.RoundYear(edition));
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Key}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Each_fixture_holds_only_keys_the_edition_expects_and_leaves_the_recommenders_opinion_empty(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var slots = FormAnswerKeys.For(definition, FormFixtures.RoundYear(edition)).ToDictionary(s => s.Key);
        var answers = FormFixtures.Complete(edition);

        Assert.DoesNotContain(answers.Values.Keys, k => !slots.ContainsKey(k));
        Assert.DoesNotContain(answers.Values.Keys, k => slots[k].FilledBy == FieldFiller.Recommender);
        Assert.True(answers.IsTicked("declaration.agreed"));
        // Every answer the applicant must always give is there, not only "valid because optional".
        Assert.Empty(slots.Values.Where(s => s.RequiredWhen == RequiredWhen.Always && !answers.IsFilled(s.Key)).Select(s => s.Key));
    }

    [Fact]
    public void Each_call_gives_a_new_answer_set()
    {
        var first = FormFixtures.Complete("zone-2026");
        first.Set("revenue.total.y3", "1");

        Assert.Equal("1234.56", FormFixtures.Complete("zone-2026").Get("revenue.total.y3"));
    }

    [Fact]
    public void An_unknown_edition_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => FormFixtures.Complete("zone-1999"));

        Assert.Contains("zone-2026", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Editions() => [.. FormFixtures.Editions];
}
