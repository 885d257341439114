using SmeZones.Core.Forms;

namespace SmeZones.TestSupport;

/// <summary>
/// Complete, realistic and valid answers for each shipped form edition (<c>Fixtures/&lt;edition&gt;-complete.json</c>):
/// every required answer filled, yes/no answered, the declaration agreed, numbers with at most 2 decimals, texts
/// within their limits. They pass <see cref="ValidationMode.Submit"/> for the edition's own round year.
/// </summary>
public static class FormFixtures
{
    /// <summary>The editions that have a complete answer set.</summary>
    public static IReadOnlyList<string> Editions { get; } = ["zone-2026", "zone-2025", "cluster-2024", "cluster-review-xj"];

    /// <summary>A new answer set each call, so a test may change it freely.</summary>
    public static FormAnswers Complete(string editionKey)
    {
        var name = $"SmeZones.TestSupport.Fixtures.{editionKey}-complete.json";
        using var stream = typeof(FormFixtures).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"No complete answer fixture for edition '{editionKey}'. Known: {string.Join(", ", Editions)}.", nameof(editionKey));
        using var reader = new StreamReader(stream);
        return FormAnswers.FromJson(reader.ReadToEnd());
    }

    /// <summary>The round year the fixture of an edition is written for: the edition's own round.</summary>
    public static int RoundYear(string editionKey) => FormEditionCatalogue.Default.Get(editionKey).RoundYear;
}
