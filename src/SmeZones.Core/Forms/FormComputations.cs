using System.Globalization;

namespace SmeZones.Core.Forms;

/// <summary>A value the portal suggests, shown beside the officer's own figure; never replaces it.</summary>
public sealed record FormSuggestion(string Key, decimal Value, string Explanation);

/// <summary>
/// Computes the suggestions a definition declares (its <see cref="FormDefinition.Computations"/>) from
/// the answers. A suggestion is skipped while any input is missing, unreadable or makes it undefined.
/// </summary>
public static class FormComputations
{
    public static IReadOnlyList<FormSuggestion> Suggest(FormDefinition definition, int roundYear, FormAnswers answers)
    {
        var suggestions = new List<FormSuggestion>();
        foreach (var declared in definition.Computations ?? [])
        {
            var rule = declared with { Label = FormTemplate.Resolve(declared.Label, roundYear) };
            var suggestion = rule.Kind switch
            {
                ComputationKind.AverageOfRates => AverageOfRates(definition, rule, roundYear, answers),
                ComputationKind.GrowthOfValues => GrowthOfValues(definition, rule, roundYear, answers),
                ComputationKind.ReductionRate => ReductionRate(definition, rule, roundYear, answers),
                ComputationKind.PerTenThousand => Ratio(rule, answers, 10000m, "÷ (", " ÷ 10000)"),
                ComputationKind.PercentOf => Ratio(rule, answers, 100m, "÷ ", " × 100"),
                _ => null,
            };
            if (suggestion is not null)
            {
                suggestions.Add(suggestion);
            }
        }

        return suggestions;
    }

    /// <summary>The compound average of yearly growth rates in %: (Π(1 + r/100))^(1/n) − 1.</summary>
    public static decimal? CompoundAverage(IReadOnlyList<decimal> ratesPercent)
    {
        var product = ratesPercent.Aggregate(1.0, (acc, r) => acc * (1.0 + (double)r / 100.0));
        return ratesPercent.Count == 0 || product <= 0 ? null : Round((Math.Pow(product, 1.0 / ratesPercent.Count) - 1.0) * 100.0);
    }

    /// <summary>The average annual growth in % from yearly values: (last/first)^(1/(n−1)) − 1.</summary>
    public static decimal? AverageGrowth(IReadOnlyList<decimal> values) =>
        values.Count < 2 || values[0] <= 0 || values[^1] < 0
            ? null
            : Round((Math.Pow((double)(values[^1] / values[0]), 1.0 / (values.Count - 1)) - 1.0) * 100.0);

    private static FormSuggestion? AverageOfRates(FormDefinition definition, ComputationRule rule, int roundYear, FormAnswers answers)
    {
        var (years, rates) = Yearly(definition, rule.Source!, roundYear, answers);
        var average = rates is null ? null : CompoundAverage(rates);
        if (average is null)
        {
            return null;
        }

        var factors = string.Join(" × ", rates!.Select(r => "(1 + " + Show(r) + "%)"));
        return new(rule.Target, average.Value, $"{rule.Label}：按{Span(years)}各年增速（{string.Join("、", rates!.Select(r => Show(r) + "%"))}）复合平均，({factors})^(1/{rates!.Count}) − 1 = {Show(average.Value)}%");
    }

    private static FormSuggestion? GrowthOfValues(FormDefinition definition, ComputationRule rule, int roundYear, FormAnswers answers)
    {
        var (years, values) = Yearly(definition, rule.Source!, roundYear, answers);
        if (values is not null && rule.ShareOf is not null)
        {
            var (_, shares) = Yearly(definition, rule.ShareOf, roundYear, answers);
            values = shares is null ? null : values.Zip(shares, (v, s) => v * s / 100m).ToList();
        }

        var growth = values is null ? null : AverageGrowth(values);
        if (growth is null)
        {
            return null;
        }

        var basis = rule.ShareOf is null ? string.Empty : "（总产值 × 占比）";
        return new(rule.Target, growth.Value, $"{rule.Label}：按{years[0]}年与{years[^1]}年的数值{basis}（{Show(values![0])}、{Show(values[^1])}），({Show(values[^1])} ÷ {Show(values[0])})^(1/{values.Count - 1}) − 1 = {Show(growth.Value)}%");
    }

    private static FormSuggestion? ReductionRate(FormDefinition definition, ComputationRule rule, int roundYear, FormAnswers answers)
    {
        var (years, values) = Yearly(definition, rule.Source!, roundYear, answers);
        if (values is null || values[0] <= 0)
        {
            return null;
        }

        var rate = Math.Round((1m - (values[^1] / values[0])) * 100m, 2, MidpointRounding.AwayFromZero);
        return new(rule.Target, rate, $"{rule.Label}：(1 − {years[^1]}年 {Show(values[^1])} ÷ {years[0]}年 {Show(values[0])}) × 100 = {Show(rate)}%");
    }

    private static FormSuggestion? Ratio(ComputationRule rule, FormAnswers answers, decimal scale, string open, string close)
    {
        var numerator = FormNumbers.Read(answers.Get(rule.Numerator!));
        var denominator = FormNumbers.Read(answers.Get(rule.Denominator!));
        if (numerator is null || denominator is not > 0)
        {
            return null;
        }

        var value = scale == 10000m
            ? Math.Round(numerator.Value / (denominator.Value / scale), 2, MidpointRounding.AwayFromZero)
            : Math.Round(numerator.Value / denominator.Value * scale, 2, MidpointRounding.AwayFromZero);
        var formula = $"{Show(numerator.Value)} {open}{Show(denominator.Value)}{close}";
        return new(rule.Target, value, $"{rule.Label}：{formula} = {Show(value)}");
    }

    /// <summary>The resolved years and the parsed yearly values, or null values when any year is missing.</summary>
    private static (IReadOnlyList<int> Years, IReadOnlyList<decimal>? Values) Yearly(FormDefinition definition, string fieldKey, int roundYear, FormAnswers answers)
    {
        var field = YearlyField(definition, fieldKey)!;
        var columns = FormTemplate.YearColumns(definition, field, roundYear);
        var values = columns.Select(c => FormNumbers.Read(answers.Get($"{fieldKey}.{c.Suffix}"))).ToList();
        return (columns.Select(c => c.Year).ToList(), values.Any(v => v is null) ? null : values.Select(v => v!.Value).ToList());
    }

    /// <summary>
    /// The field whose per-year answers are <c>{stem}.yN</c>: a yearly field, or a year-grid column
    /// (<c>grid.column</c>); null when the definition has none.
    /// </summary>
    internal static FormField? YearlyField(FormDefinition definition, string stem)
    {
        var fields = definition.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Fields is null ? [f] : f.Fields.Prepend(f)).ToList();
        return fields.FirstOrDefault(f => f.Type == FieldType.Yearly && f.Key == stem)
            ?? fields.FirstOrDefault(f => f.Type == FieldType.YearGrid && (f.Columns ?? []).Any(c => $"{f.Key}.{c.Key}" == stem));
    }

    private static string Span(IReadOnlyList<int> years) => $"{years[0]}–{years[^1]}年";

    private static decimal? Round(double value) =>
        double.IsFinite(value) ? Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero) : null;

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
