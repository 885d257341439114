using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SmeZones.Core.Exports;

/// <summary>
/// The workbook's shared string table: each distinct text stored once, cells refer to it by index.
/// Every text cell is made here, so every one goes through <see cref="CellText"/>. A shared-string cell is text by
/// its type and never evaluated, so formula-like text (<c>=HYPERLINK(…)</c>, <c>-1+1</c>) is stored exactly as typed;
/// its style carries Excel's quote prefix so that editing the cell does not turn it into a formula either.
/// </summary>
internal sealed class SharedStrings
{
    // Excel refuses longer cell text; the tail is cut rather than the export failing.
    private const int MaxCellLength = 32_767;

    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public SharedStringTable Table { get; } = new();

    public Cell Cell(string reference, string? value, uint style)
    {
        var text = CellText(value);
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _indexes.Count;
            _indexes.Add(text, index);
            // Preserve keeps leading/trailing spaces and line breaks that XML would otherwise collapse.
            Table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return new Cell(new CellValue(index.ToString(CultureInfo.InvariantCulture)))
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            // The quote prefix is what Excel itself records when someone types '=1: shown without the apostrophe,
            // kept as text when the cell is edited and confirmed again.
            StyleIndex = CellSafety.IsFormulaLike(text) ? SpreadsheetStyles.QuotedTwin(style) : style,
        };
    }

    /// <summary>
    /// Text as stored: as typed, stripped of control characters XML 1.0 cannot carry (a pasted form value can
    /// hold them, and one would make the whole file unreadable), and cut to Excel's limit.
    /// </summary>
    internal static string CellText(string? value)
    {
        var text = value ?? string.Empty;
        if (!text.All(IsXmlChar))
        {
            text = new string(text.Where(IsXmlChar).ToArray());
        }

        return text.Length > MaxCellLength ? text[..MaxCellLength] : text;
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
}
