using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>The result of comparing the compound average of yearly growth rates with a threshold.</summary>
internal sealed record CompoundCheck(RequirementOutcome Outcome, string Sentence, decimal? Average, IReadOnlyList<FigureUsed> Figures);

/// <summary>
/// "近三年年均增长率" read from three yearly rates: the compound average (Π(1 + r))^(1/3) − 1, as
/// programme-rules.md prescribes. The comparison is exact — Π(1 + r) against (1 + t)^3 in decimal
/// arithmetic — so 4.00% three times is not 高于4%, and 2%, 4%, 6% (≈3.99%) is not either.
/// The average shown is <see cref="FormComputations.CompoundAverage"/>'s, the one the form suggests.
/// </summary>
internal static class CompoundGrowth
{
    public static CompoundCheck Check(AssessmentInput input, IReadOnlyList<NumberRead> rates, Comparison comparison, decimal threshold, string subject, string thresholdLabel)
    {
        var figures = rates.Select(r => r.Figure).ToList();
        var missing = rates.Where(r => r.IsMissing).ToList();
        if (missing.Count > 0)
        {
            var which = string.Join("、", missing.Select(r => $"{Fmt.Year(input.YearOf(r.Key) ?? 0)}{r.Problem}"));
            return new(RequirementOutcome.DataMissing, $"{subject}：{which}，无法计算近三年年均值", null, figures);
        }

        var values = rates.Select(r => r.Value!.Value).ToList();
        var product = values.Aggregate(1m, (acc, r) => acc * (1m + (r / 100m)));
        if (product <= 0)
        {
            return new(RequirementOutcome.DataMissing, $"{subject}：某年增速不高于−100%，年均增速无法计算（请核实数据）", null, figures);
        }

        var required = Power(1m + (threshold / 100m), values.Count);
        var holds = comparison.Holds(product, required);
        var average = Math.Pow((double)product, 1.0 / values.Count) - 1.0;
        var shown = Fmt.Average(average * 100.0, threshold);
        var (yes, no) = comparison.Words(count: false);
        var rateList = string.Join("、", values.Select(v => Fmt.Number(v) + "%"));
        var sentence = $"{subject}{Fmt.Year(input.DataYears[0])}–{Fmt.Year(input.LatestYear)}各年 {rateList}，复合平均 {shown}%，{(holds ? yes : no)}{thresholdLabel}";
        figures.Add(new FigureUsed($"{subject}（近三年复合平均）", FormComputations.CompoundAverage(values), "%", null, null));
        return new(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence, FormComputations.CompoundAverage(values), figures);
    }

    /// <summary>x^n in decimal, exact for the 2-decimal rates of the forms.</summary>
    public static decimal Power(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= x;
        }

        return result;
    }
}
