using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>How each section's fields become the rows of its table, the way the paper form rules them.</summary>
public sealed partial class ApplicationPrintModel
{
    private PrintSection Section(FormSection section, bool first)
    {
        var yearHeader = section.YearHeader == true;
        var rows = new List<PrintRow>();
        var fields = section.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (i + 1 < fields.Count && IsShortText(fields[i]) && IsShortText(fields[i + 1]))
            {
                rows.Add(new PrintPairRow(fields[i], fields[i + 1]));
                i++;
            }
            else
            {
                rows.Add(Row(section, fields[i], yearHeader));
            }
        }

        return new PrintSection(
            $"{section.Number}、{section.Title}",
            string.IsNullOrEmpty(section.Note) ? null : Resolve(section.Note),
            first,
            yearHeader ? FormTemplate.YearColumns(Definition.DataYears, _request.RoundYear) : null,
            rows);
    }

    private PrintRow Row(FormSection section, FormField field, bool yearHeader) => field.Type switch
    {
        FieldType.Group => new PrintGroupRow(field),
        FieldType.Table or FieldType.PlanTable => new PrintTableRow(field),
        FieldType.LongText when field.Guidance is { Count: > 0 } || field.Label == section.Title =>
            new PrintOutlinedTextRow(field, ShowLabel: field.Label != section.Title),
        FieldType.Yearly when yearHeader && HasDataYears(field) => new PrintYearRow(field),
        _ => new PrintFieldRow(field),
    };

    /// <summary>True when the field's years are the form's data years, so its values sit under the section's year header.</summary>
    private bool HasDataYears(FormField field) =>
        field.Years is null || field.Years.SequenceEqual(Definition.DataYears);

    /// <summary>A short one-line answer the paper puts beside another (联系人, 联系方式).</summary>
    private static bool IsShortText(FormField field) =>
        field.Type == FieldType.Text && field.Label.Length is > 0 and <= 4
        && field.Hint is null && field.LabelNote is null && field.EvidenceText() is null && field.Notes is null;
}
