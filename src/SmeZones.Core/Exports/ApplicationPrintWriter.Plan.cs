using System.Globalization;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>The plan-target table: 方向 | 指标 | baseline / target (/ achieved), with the rows the applicant added.</summary>
internal sealed partial class ApplicationPrintWriter
{
    /// <summary>The printed "......" row that stands for rows the applicant may add.</summary>
    private const string MoreRows = "……";

    private sealed record PlanLine(string RowKey, string? Indicator);

    private void WritePlanGrid(FormField field)
    {
        var columns = field.Columns!;
        Raw("<table class=\"inner\"><thead><tr>");
        Element("th", "head", field.RowHeader).Element("th", "head", field.IndicatorHeader);
        foreach (var column in columns)
        {
            Element("th", "head", Resolve(column.Label));
        }

        Raw("</tr></thead><tbody>");
        foreach (var direction in field.Directions!)
        {
            var lines = PlanLines(field, direction);
            for (var i = 0; i < lines.Count; i++)
            {
                Raw("<tr>");
                if (i == 0)
                {
                    Raw($"<th class=\"head\"{Rows(lines.Count)}>").Text(direction.Label).Raw("</th>");
                }

                var line = lines[i];
                Element("th", "", line.Indicator);
                foreach (var column in columns)
                {
                    Raw("<td>");
                    if (line.RowKey.Length > 0)
                    {
                        LongText(Answers.Get($"{field.Key}.{line.RowKey}.{column.Key}"), "span");
                    }

                    Raw("</td>");
                }

                Raw("</tr>");
            }
        }

        Raw("</tbody></table>");
    }

    /// <summary>
    /// The printed indicators, then each added row that has anything in it; where the form allows added rows and
    /// none was used, one empty "……" row, as on the paper.
    /// </summary>
    private List<PlanLine> PlanLines(FormField field, PlanDirection direction)
    {
        var lines = direction.Rows.Select(r => new PlanLine(r.Key, r.Label)).ToList();
        var extra = direction.ExtraRows ?? 0;
        var added = 0;
        for (var n = 1; n <= extra; n++)
        {
            var rowKey = direction.Key + "Extra" + n.ToString(CultureInfo.InvariantCulture);
            var cells = field.Columns!.Select(c => c.Key).Prepend("indicator").Select(c => $"{field.Key}.{rowKey}.{c}");
            if (cells.Any(Answers.IsFilled))
            {
                lines.Add(new PlanLine(rowKey, Answers.Get($"{field.Key}.{rowKey}.indicator")));
                added++;
            }
        }

        if (extra > 0 && added == 0 || lines.Count == 0)
        {
            lines.Add(new PlanLine("", MoreRows));
        }

        return lines;
    }
}
