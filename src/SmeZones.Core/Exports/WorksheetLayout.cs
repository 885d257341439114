using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SmeZones.Core.Exports;

/// <summary>Lays out the one worksheet; the schema fixes the order of its parts, so they are built in one place.</summary>
internal sealed class WorksheetLayout(
    string title,
    IReadOnlyList<string> headerLines,
    IReadOnlyList<SpreadsheetColumn> columns,
    IReadOnlyList<object?[]> rows,
    SharedStrings strings)
{
    private readonly int _lastColumn = columns.Count - 1;

    /// <summary>Row of the column titles: after the title row and the header lines.</summary>
    public uint HeaderRowIndex => (uint)(2 + headerLines.Count);

    public Worksheet Build()
    {
        var sheetData = new SheetData();
        var merges = new MergeCells();
        uint rowIndex = 1;

        sheetData.Append(MergedRow(rowIndex, title, SpreadsheetStyles.Title, merges, height: 32));
        foreach (var line in headerLines)
        {
            sheetData.Append(MergedRow(++rowIndex, line, SpreadsheetStyles.HeaderLine, merges, height: 20));
        }

        sheetData.Append(DataRow(++rowIndex, [.. columns.Select(c => c.Title)], SpreadsheetStyles.ColumnTitle));
        foreach (var cells in rows)
        {
            // No row height: spreadsheet programs size rows of wrapped text themselves when none is given.
            sheetData.Append(DataRow(++rowIndex, cells, SpreadsheetStyles.Text));
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(FrozenView()),
            Columns(),
            sheetData);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            // PaperSize 9 is A4. FitToHeight 0 lets the rows run onto as many pages as they need.
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C第 &P 页 / 共 &N 页")));
        return worksheet;
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
        var row = new Row { RowIndex = rowIndex };
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
