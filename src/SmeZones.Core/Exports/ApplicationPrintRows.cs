using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>One line of the cover: "label：____suffix", a group (所属地区) putting its parts' blanks on one line.</summary>
public sealed record PrintCoverLine(string Label, IReadOnlyList<PrintBlank> Blanks, string? Hint);

/// <summary>An answer written on a cover line, with the printed text after it (e.g. "省(区、市)").</summary>
public sealed record PrintBlank(string? Value, string? Suffix);

/// <summary>
/// One section as the paper rules it: its heading and note, the year header when its yearly rows share one, and
/// its rows. <see cref="First"/> starts the sections on a new page after the 填报说明.
/// </summary>
public sealed record PrintSection(string Heading, string? Note, bool First, IReadOnlyList<YearColumn>? YearHeader, IReadOnlyList<PrintRow> Rows);

/// <summary>How a field takes its place in a section's table; the web project draws each kind.</summary>
public abstract record PrintRow;

/// <summary>label | value across the value columns.</summary>
public sealed record PrintFieldRow(FormField Field) : PrintRow;

/// <summary>Two short one-line answers side by side: 联系人 | … | 联系方式 | ….</summary>
public sealed record PrintPairRow(FormField Left, FormField Right) : PrintRow;

/// <summary>A yearly field whose values sit under the section's year header.</summary>
public sealed record PrintYearRow(FormField Field) : PrintRow;

/// <summary>A group whose label spans its children's rows.</summary>
public sealed record PrintGroupRow(FormField Group) : PrintRow;

/// <summary>A long text across the page: its label unless it repeats the section title, the printed outline, the text.</summary>
public sealed record PrintOutlinedTextRow(FormField Field, bool ShowLabel) : PrintRow;

/// <summary>A table across the page (rows × columns, or a plan table), kept on one page with its label.</summary>
public sealed record PrintTableRow(FormField Field) : PrintRow;

/// <summary>One option as printed: ☑ when chosen, ☐ when not.</summary>
public sealed record PrintOption(string Label, bool Ticked)
{
    public string Text => (Ticked ? "☑" : "☐") + Label;
}

/// <summary>A row of a plan table: a printed indicator, an added one, or the "……" standing for rows one may add.</summary>
/// <param name="RowKey">The row's answer key part; empty for the "……" row, which has no cells to fill.</param>
public sealed record PrintPlanLine(string RowKey, string? Indicator);

/// <summary>A signature, seal or date line; a date line is spread out so a date can be written in by hand.</summary>
public sealed record PrintSignatureLine(string Text, bool IsDate);
