using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SmeZones.Core.Exports;

/// <summary>Lays out the one worksheet; the schema fixes the order of its parts, so they are built in one place.</summary>
internal sealed class WorksheetLayout(
    string title,
    IReadOnlyList<string> headerLines,
    IReadOnlyList<SpreadsheetColumn> columns,
    SharedStrings strings)
{
    private readonly int _lastColumn = columns.Count - 1;

    /// <summary>Row of the column titles: after the title row and the header lines.</summary>
    public uint HeaderRowIndex => (uint)(2 + headerLines.Count);

    /// <summary>
    /// Writes the worksheet part element by element with <see cref="OpenXmlWriter"/>: a row at a time, so a sheet of
    /// thousands of rows is never a document tree in memory (issue 13 item 4). The schema fixes the order of the parts.
    /// </summary>
    public void Write(WorksheetPart part, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = OpenXmlWriter.Create(part);
        var (rowIndex, merges) = Begin(writer);
        foreach (var cells in rows)
        {
            writer.WriteElement(DataRow(++rowIndex, cells, SpreadsheetStyles.Text));
        }
        End(writer, merges);
    }

    /// <summary>The same, with each row written as it is read from <paramref name="rows"/> (a query being read).</summary>
    public async Task WriteAsync(WorksheetPart part, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = OpenXmlWriter.Create(part);
        var (rowIndex, merges) = Begin(writer);
        await foreach (var cells in rows.WithCancellation(ct))
        {
            writer.WriteElement(DataRow(++rowIndex, cells, SpreadsheetStyles.Text));
        }
        End(writer, merges);
    }

    /// <summary>Everything before the data rows; returns the index of the last row written and the merges to write at the end.</summary>
    private (uint RowIndex, MergeCells Merges) Begin(OpenXmlWriter writer)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(FrozenView()));
        writer.WriteElement(Columns());

        var merges = new MergeCells();
        uint rowIndex = 1;
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(MergedRow(rowIndex, title, SpreadsheetStyles.Title, merges, height: 32));
        foreach (var line in headerLines)
        {
            writer.WriteElement(MergedRow(++rowIndex, line, SpreadsheetStyles.HeaderLine, merges, height: 20));
        }

        writer.WriteElement(DataRow(++rowIndex, [.. columns.Select(c => c.Title)], SpreadsheetStyles.ColumnTitle));
        return (rowIndex, merges);
    }

    private static void End(OpenXmlWriter writer, MergeCells merges)
    {
        writer.WriteEndElement();
        if (merges.HasChildren)
        {
            writer.WriteElement(merges);
        }

        writer.WriteElement(new PrintOptions { HorizontalCentered = true });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        // PaperSize 9 is A4. FitToHeight 0 lets the rows run onto as many pages as they need.
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteElement(new HeaderFooter(new OddFooter("&C第 &P 页 / 共 &N 页")));
        writer.WriteEndElement();
    }

    private Columns Columns()
    {
        var result = new Columns();
        for (var i = 0; i <= _lastColumn; i++)
        {
            var index = (uint)(i + 1);
            result.Append(new Column { Min = index, Max = index, Width = columns[i].Width, CustomWidth = true });
        }

        return result;
    }

    private Row MergedRow(uint rowIndex, string text, uint style, MergeCells merges, double height)
    {
        var row = new Row { RowIndex = rowIndex, Height = height, CustomHeight = true };
        row.Append(strings.Cell(Reference(0, rowIndex), text, style));
        if (_lastColumn > 0)
        {
            merges.Append(new MergeCell { Reference = $"{Reference(0, rowIndex)}:{Reference(_lastColumn, rowIndex)}" });
        }

        return row;
    }

    private Row DataRow(uint rowIndex, object?[] cells, uint textStyle)
    {
        // Excel computes heights of wrapped rows only when it edits them, and LibreOffice and WPS keep the default
        // height of a file they open: without a height here, wrapped text overlaps and is cut when printed.
        var row = new Row { RowIndex = rowIndex, Height = RowHeight(cells), CustomHeight = true };
        for (var i = 0; i <= _lastColumn; i++)
        {
            var reference = Reference(i, rowIndex);
            var value = i < cells.Length ? cells[i] : null;
            row.Append(value switch
            {
                // Empty cells still carry the style, so the table's borders have no gaps.
                null => new Cell { CellReference = reference, StyleIndex = textStyle },
                _ when ExportValue.TryFormatNumber(value, out var number) =>
                    new Cell(new CellValue(number)) { CellReference = reference, StyleIndex = SpreadsheetStyles.Number },
                _ => strings.Cell(reference, (string)value, textStyle),
            });
        }

        return row;
    }

    /// <summary>Points for the row's tallest cell: its wrapped lines at the column's width, plus the cell's padding.</summary>
    internal double RowHeight(object?[] cells)
    {
        var lines = 1;
        for (var i = 0; i < cells.Length && i <= _lastColumn; i++)
        {
            if (cells[i] is string text)
            {
                lines = Math.Max(lines, WrappedLines(text, columns[i].Width));
            }
        }

        return Math.Min(MaxRowHeight, (lines * LineHeight) + RowPadding);
    }

    // 11 pt 宋体 takes about 14.3 pt a line in Excel; a little more keeps descenders clear in LibreOffice and WPS.
    internal const double LineHeight = 15;
    internal const double RowPadding = 5;

    // The largest row height the format allows.
    internal const double MaxRowHeight = 409;

    /// <summary>
    /// Lines <paramref name="text"/> takes in a wrapped cell <paramref name="columnWidth"/> character units wide: a
    /// CJK or full-width character is about two units (the width of "00"), anything else one. Each line break starts a line.
    /// </summary>
    internal static int WrappedLines(string text, double columnWidth)
    {
        // A unit short of the column for the cell's margins, so a line that only just fits is counted as two.
        var usable = Math.Max(2, columnWidth - 1);
        var lines = 0;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            double used = 0;
            var paragraphLines = 1;
            foreach (var rune in paragraph.EnumerateRunes())
            {
                var width = IsWide(rune) ? 2 : 1;
                if (used + width > usable)
                {
                    paragraphLines++;
                    used = 0;
                }

                used += width;
            }

            lines += paragraphLines;
        }

        return lines;
    }

    /// <summary>East Asian wide and full-width characters: CJK ideographs and punctuation, kana, hangul, full-width forms.</summary>
    private static bool IsWide(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F => true,
        >= 0x2E80 and <= 0xA4CF => true,
        >= 0xAC00 and <= 0xD7A3 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFE30 and <= 0xFE4F => true,
        >= 0xFF00 and <= 0xFF60 => true,
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };

    private SheetView FrozenView()
    {
        var firstDataCell = Reference(0, HeaderRowIndex + 1);
        return new SheetView(
            new Pane
            {
                VerticalSplit = HeaderRowIndex,
                TopLeftCell = firstDataCell,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection
            {
                Pane = PaneValues.BottomLeft,
                ActiveCell = firstDataCell,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = firstDataCell },
            })
        {
            TabSelected = true,
            WorkbookViewId = 0,
        };
    }

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }
}
