using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>
/// Each section as one bordered table with a label column and <see cref="ValueColumns"/> value columns, the way
/// the paper form rules its rows: label | value, a year header with yearly rows, 联系人 | … | 联系方式 | … pairs,
/// groups whose label spans their sub-rows, and full-width blocks for outlines, standards and plan tables.
/// </summary>
internal sealed partial class ApplicationPrintWriter
{
    private void WriteSection(FormSection section, bool first)
    {
        Raw(first ? "<section class=\"form-section first-section\">\n" : "<section class=\"form-section\">\n");
        Element("h2", "section-title", $"{section.Number}、{section.Title}").Raw("\n");
        if (!string.IsNullOrEmpty(section.Note))
        {
            Element("p", "section-note", Resolve(section.Note)).Raw("\n");
        }

        Raw("<table class=\"form\"><colgroup><col class=\"c-label\">");
        for (var i = 0; i < ValueColumns; i++)
        {
            Raw("<col>");
        }

        Raw("</colgroup>\n<tbody>\n");
        var yearHeader = section.YearHeader == true;
        if (yearHeader)
        {
            WriteYearHeader();
        }

        var fields = section.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (i + 1 < fields.Count && IsPair(fields[i], fields[i + 1]))
            {
                WritePair(fields[i], fields[i + 1]);
                i++;
            }
            else
            {
                WriteRow(section, fields[i], yearHeader);
            }
        }

        Raw("</tbody></table>\n</section>\n");
    }

    private void WriteYearHeader()
    {
        Raw("<tr>").Element("th", "head", "年度");
        var years = FormTemplate.YearColumns(_definition.DataYears, _request.RoundYear);
        foreach (var year in years)
        {
            Element("th", "head", year.Label);
        }

        if (years.Count < ValueColumns)
        {
            Raw($"<th{Span(ValueColumns - years.Count)}></th>");
        }

        Raw("</tr>\n");
    }

    private void WriteRow(FormSection section, FormField field, bool yearHeader)
    {
        switch (field.Type)
        {
            case FieldType.Group:
                WriteGroup(field);
                break;
            case FieldType.Table:
                WriteTable(field);
                break;
            case FieldType.PlanTable:
                WritePlanTable(field);
                break;
            case FieldType.LongText when field.Guidance is { Count: > 0 } || field.Label == section.Title:
                WriteOutlinedText(section, field);
                break;
            case FieldType.Yearly when yearHeader && HasDataYears(field):
                WriteLabelCell(field);
                WriteYearCells(field);
                Raw("</tr>\n");
                break;
            default:
                WriteLabelCell(field);
                Raw($"<td{Span(ValueColumns)}{NestedClass(field)}>");
                WriteValue(field);
                Raw("</td></tr>\n");
                break;
        }
    }

    private static string NestedClass(FormField field) => IsNested(field) ? " class=\"nested\"" : "";

    /// <summary>Opens the row with the label cell: label, its printed note, hint, evidence request and notes.</summary>
    private void WriteLabelCell(FormField field, string attributes = "")
    {
        Raw($"<tr><th{attributes}>");
        WriteLabel(field);
        Raw("</th>");
    }

    private void WriteLabel(FormField field)
    {
        Text(Resolve(field.Label));
        if (!string.IsNullOrEmpty(field.LabelNote))
        {
            Element("span", "note", Resolve(field.LabelNote));
        }

        foreach (var note in new[] { field.Type == FieldType.Text ? field.Hint : null, EvidenceText(field) }.Concat(field.Notes ?? []))
        {
            if (!string.IsNullOrEmpty(note))
            {
                Element("span", "note", Resolve(note));
            }
        }
    }

    /// <summary>Two short one-line answers the paper puts side by side: 联系人 | … | 联系方式 | ….</summary>
    private static bool IsPair(FormField left, FormField right) =>
        IsShortText(left) && IsShortText(right);

    private static bool IsShortText(FormField field) =>
        field.Type == FieldType.Text && field.Label.Length is > 0 and <= 4
        && field.Hint is null && field.LabelNote is null && EvidenceText(field) is null && field.Notes is null;

    private void WritePair(FormField left, FormField right)
    {
        Raw("<tr>").Element("th", "", Resolve(left.Label)).Element("td", "", Answers.Get(left.Key));
        Element("th", "", Resolve(right.Label)).Raw($"<td{Span(ValueColumns - 2)}>").Text(Answers.Get(right.Key)).Raw("</td></tr>\n");
    }

    /// <summary>The group's label spans its sub-rows; each child gets its own label and value cells.</summary>
    private void WriteGroup(FormField group)
    {
        var children = group.Fields!;
        for (var i = 0; i < children.Count; i++)
        {
            if (i == 0)
            {
                WriteLabelCell(group, Rows(children.Count));
            }
            else
            {
                Raw("<tr>");
            }

            Raw("<th>");
            WriteLabel(children[i]);
            Raw($"</th><td{Span(ValueColumns - 1)}{NestedClass(children[i])}>");
            WriteValue(children[i]);
            Raw("</td></tr>\n");
        }
    }

    /// <summary>A long text printed across the page: its label unless it repeats the section title, the printed outline, then the text.</summary>
    private void WriteOutlinedText(FormSection section, FormField field)
    {
        if (field.Label != section.Title)
        {
            Raw($"<tr><th{Span(ValueColumns + 1)}>");
            WriteLabel(field);
            Raw("</th></tr>\n");
        }

        if (field.Guidance is { Count: > 0 } guidance)
        {
            Raw($"<tr><td{Span(ValueColumns + 1)}>");
            foreach (var line in guidance)
            {
                Element("p", "guide", Resolve(line));
            }

            Raw("</td></tr>\n");
        }

        // Up to 3000 字 cannot stay on one page, so this row may break where others may not.
        Raw($"<tr class=\"flow\"><td{Span(ValueColumns + 1)}>");
        LongText(Answers.Get(field.Key));
        Raw("</td></tr>\n");
    }
}
