using System.Globalization;
using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Registry;

/// <summary>One target of the plan with its value for the year and the completion the 复核 assessment would compute.</summary>
public sealed record ProgressLine(string Direction, string Indicator, string? Baseline, string? Target, string? Achieved, decimal? Rate, bool? Met)
{
    /// <summary>As the report page and its print show it: "110%（已完成）", or "—" when it cannot be computed.</summary>
    public string Completion =>
        (Rate is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—")
        + Met switch { true => "（已完成）", false => "（未完成）", _ => "" };
}

/// <summary>A report's plan-versus-actual lines for its year (the year heads the achieved column), read from the table so named.</summary>
public sealed record PlanProgress(int Year, string Table, IReadOnlyList<ProgressLine> Lines);

/// <summary>
/// The report's plan-versus-actual table read back as lines, each with its completion computed by
/// <see cref="PlanTargetCompletion"/> (the same code as the 复核 assessment). The table is found by its shape in the
/// report form (a plan table with target and achieved columns), so no form key is named here.
/// </summary>
public static class AnnualReportProgress
{
    public static FormField? Table(FormDefinition form) =>
        form.Sections.SelectMany(s => s.Fields).FirstOrDefault(f => f.Type == FieldType.PlanTable
            && f.Columns!.Any(c => c.Key == ReReviewPrefill.TargetColumn) && f.Columns!.Any(c => c.Key == ReReviewPrefill.AchievedColumn));

    /// <summary>The report of <paramref name="year"/>: its table's label and lines.</summary>
    public static PlanProgress For(FormDefinition form, int year, IReadOnlyDictionary<string, string> answers) =>
        new(year, Table(form)?.Label ?? "", Lines(form, answers));

    public static IReadOnlyList<ProgressLine> Lines(FormDefinition form, IReadOnlyDictionary<string, string> answers)
    {
        if (Table(form) is not { } table)
        {
            return [];
        }
        string? Cell(string row, string column) => answers.GetValueOrDefault($"{table.Key}.{row}.{column}");
        var lines = new List<ProgressLine>();
        foreach (var direction in table.Directions!)
        {
            var rows = direction.Rows.Select(r => (r.Key, (string?)r.Label))
                .Concat(Enumerable.Range(1, direction.ExtraRows ?? 0).Select(n => ($"{direction.Key}Extra{n}", Cell($"{direction.Key}Extra{n}", "indicator"))));
            foreach (var (row, label) in rows)
            {
                var (baseline, target, achieved) = (Cell(row, ReReviewPrefill.BaselineColumn), Cell(row, ReReviewPrefill.TargetColumn), Cell(row, ReReviewPrefill.AchievedColumn));
                if (string.IsNullOrEmpty(label) || (target is null && achieved is null && baseline is null && row.Contains("Extra", StringComparison.Ordinal)))
                {
                    continue;
                }
                var (rate, met) = PlanTargetCompletion.Of(row, baseline, target, achieved);
                lines.Add(new ProgressLine(direction.Label, label, baseline, target, achieved, rate, met));
            }
        }
        return lines;
    }
}
