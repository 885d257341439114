using System.Globalization;
using System.Text.RegularExpressions;

namespace SmeZones.Core.Forms;

/// <summary>A data-year column resolved for a round: its 1-based index (answer suffix yN) and its year.</summary>
public sealed record YearColumn(int Index, int Offset, int Year)
{
    /// <summary>The answer-key suffix, e.g. "y1".</summary>
    public string Suffix => "y" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The printed year, e.g. "2025年".</summary>
    public string Label => Year.ToString(CultureInfo.InvariantCulture) + "年";
}

/// <summary>
/// Resolves round-dependent years. Definitions store years relative to the round so one edition
/// serves the next round: <c>{y}</c> is the round year, <c>{y-1}</c> the year before, <c>{y+2}</c> two after.
/// </summary>
public static partial class FormTemplate
{
    [GeneratedRegex(@"\{y(?<offset>[+-]\d+)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex AnyBraces();

    public static string Resolve(string template, int roundYear) =>
        Placeholder().Replace(template, m =>
        {
            var offset = m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, CultureInfo.InvariantCulture) : 0;
            return (roundYear + offset).ToString(CultureInfo.InvariantCulture);
        });

    /// <summary>Placeholders in a text that are not year templates (a definition error).</summary>
    public static IEnumerable<string> UnknownPlaceholders(string? text) =>
        text is null ? [] : AnyBraces().Matches(text).Select(m => m.Value).Where(v => !Placeholder().IsMatch(v));

    /// <summary>The year columns of a yearly field (or of the form's data years) for a round.</summary>
    public static IReadOnlyList<YearColumn> YearColumns(FormDefinition definition, FormField field, int roundYear) =>
        YearColumns(field.Years ?? definition.DataYears, roundYear);

    public static IReadOnlyList<YearColumn> YearColumns(IReadOnlyList<int> offsets, int roundYear) =>
        offsets.Select((offset, i) => new YearColumn(i + 1, offset, roundYear + offset)).ToList();

    /// <summary>The form's data years for a round, e.g. zone-2026 in 2026 → 2023, 2024, 2025.</summary>
    public static IReadOnlyList<int> DataYears(FormDefinition definition, int roundYear) =>
        definition.DataYears.Select(o => roundYear + o).ToList();
}
