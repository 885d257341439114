using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>
/// Per-year values and the tables of the form: yearly rows under the section's year header (or with their own year
/// heads), the year grid, the standards table (类别 × 主持/参与 × year) and plan tables (方向 | 指标 | columns).
/// </summary>
internal sealed partial class ApplicationPrintWriter
{
    /// <summary>True when the field's years are the form's data years, so its values sit under the section's year header.</summary>
    private bool HasDataYears(FormField field) =>
        field.Years is null || field.Years.SequenceEqual(_definition.DataYears);

    private void WriteYearCells(FormField field)
    {
        var years = FormTemplate.YearColumns(_definition, field, _request.RoundYear);
        foreach (var year in years)
        {
            Element("td", "num", Answers.Get($"{field.Key}.{year.Suffix}"));
        }

        if (years.Count < ValueColumns)
        {
            Raw($"<td{Span(ValueColumns - years.Count)}></td>");
        }
    }

    /// <summary>A yearly field outside a year-headed section: its own row of years above its values.</summary>
    private void WriteYearlyTable(FormField field)
    {
        var years = FormTemplate.YearColumns(_definition, field, _request.RoundYear);
        Raw("<table class=\"inner\"><tr>");
        foreach (var year in years)
        {
            Element("th", "head", year.Label);
        }

        Raw("</tr><tr>");
        foreach (var year in years)
        {
            Element("td", "num", Answers.Get($"{field.Key}.{year.Suffix}"));
        }

        Raw("</tr></table>");
    }

    /// <summary>Years down, columns across, as in 近三年合作区企业年营业总收入及…占比.</summary>
    private void WriteYearGrid(FormField field)
    {
        Raw("<table class=\"inner\"><tr><th></th>");
        foreach (var column in field.Columns!)
        {
            Element("th", "head", Resolve(column.Label));
        }

        Raw("</tr>");
        foreach (var year in FormTemplate.YearColumns(_definition, field, _request.RoundYear))
        {
            Raw("<tr>").Element("th", "head", year.Label);
            foreach (var column in field.Columns!)
            {
                Element("td", "num", Answers.Get($"{field.Key}.{column.Key}.{year.Suffix}"));
            }

            Raw("</tr>");
        }

        Raw("</table>");
    }

    /// <summary>A table across the page: its label row, then the table, kept on one page together.</summary>
    private void WriteTable(FormField field)
    {
        Raw($"</tbody><tbody class=\"keep\"><tr><th{Span(ValueColumns + 1)}>");
        WriteLabel(field);
        Raw($"</th></tr>\n<tr><td{Span(ValueColumns + 1)} class=\"nested\">");
        WriteTableGrid(field);
        Raw("</td></tr></tbody><tbody>\n");
    }

    /// <summary>Rows × columns, repeated per year when the table names years (a year head spans its columns).</summary>
    private void WriteTableGrid(FormField field)
    {
        var years = FormTemplate.YearColumns(field.Years ?? [], _request.RoundYear);
        // A table without years has one block of columns; null stands for "no year" in the answer key.
        IReadOnlyList<YearColumn?> blocks = years.Count > 0 ? [.. years] : [null];
        var columns = field.Columns!;
        Raw("<table class=\"inner\"><thead><tr>");
        Raw($"<th class=\"head\"{Rows(years.Count > 0 ? 2 : 1)}>").Text(field.RowHeader).Raw("</th>");
        if (years.Count > 0)
        {
            foreach (var year in years)
            {
                Raw($"<th class=\"head\"{Span(columns.Count)}>").Text(year.Label).Raw("</th>");
            }

            Raw("</tr><tr>");
        }

        foreach (var _ in blocks)
        {
            foreach (var column in columns)
            {
                Element("th", "head", Resolve(column.Label));
            }
        }

        Raw("</tr></thead><tbody>");
        foreach (var row in field.Rows!)
        {
            Raw("<tr>").Element("th", "head", row.Label);
            foreach (var year in blocks)
            {
                foreach (var column in columns)
                {
                    var key = year is null ? $"{field.Key}.{row.Key}.{column.Key}" : $"{field.Key}.{row.Key}.{column.Key}.{year.Suffix}";
                    Element("td", "num", Answers.Get(key));
                }
            }

            Raw("</tr>");
        }

        Raw("</tbody></table>");
    }

    /// <summary>A plan table across the page: its label and note, the table, then its printed 备注.</summary>
    private void WritePlanTable(FormField field)
    {
        Raw($"</tbody><tbody class=\"keep\"><tr><th{Span(ValueColumns + 1)}>").Text(Resolve(field.Label));
        if (!string.IsNullOrEmpty(field.LabelNote))
        {
            Element("span", "note", Resolve(field.LabelNote));
        }

        Raw($"</th></tr>\n<tr><td{Span(ValueColumns + 1)} class=\"nested\">");
        WritePlanGrid(field);
        Raw("</td></tr>\n");
        if (field.Notes is { Count: > 0 } notes)
        {
            Raw($"<tr><td{Span(ValueColumns + 1)}>");
            foreach (var note in notes)
            {
                Element("span", "note", Resolve(note));
            }

            Raw("</td></tr>\n");
        }

        Raw("</tbody><tbody>\n");
    }
}
