using System.Globalization;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>
/// The 推荐汇总表 as the spreadsheet a province works with; its PDF to stamp is drawn by the web project's print view
/// (Pages/Shared/Print/_SummaryTable.cshtml).
/// </summary>
public static class SummaryTableDocuments
{
    public static byte[] ToSpreadsheet(SummaryTable table)
    {
        var writer = Writer(table.Title, table.HeaderLines, table.Columns);
        foreach (var row in table.Rows)
        {
            writer.AddRow(Cells(table.Columns, row));
        }
        return writer.ToArray();
    }

    /// <summary>The same spreadsheet, its rows written to <paramref name="stream"/> as they are read (the national table of thousands).</summary>
    public static Task WriteSpreadsheetAsync(
        string title, IReadOnlyList<string> headerLines, IReadOnlyList<TableColumn> columns, IAsyncEnumerable<SummaryRow> rows, Stream stream, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Writer(title, headerLines, columns).WriteRowsAsync(stream, Cells(), ct);

        async IAsyncEnumerable<object?[]> Cells()
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                yield return SummaryTableDocuments.Cells(columns, row);
            }
        }
    }

    private static SpreadsheetWriter Writer(string title, IReadOnlyList<string> headerLines, IReadOnlyList<TableColumn> columns)
    {
        var writer = new SpreadsheetWriter("推荐汇总表", title);
        foreach (var line in headerLines)
        {
            writer.AddHeaderLine(line);
        }
        return writer.AddColumns(columns.Select(c => new SpreadsheetColumn(c.Label, Width(c.Source))));
    }

    // 序号 as a number, so sorting and counting work in the spreadsheet.
    private static object?[] Cells(IReadOnlyList<TableColumn> columns, SummaryRow row) =>
        columns.Select(c => c.Source == "rowNumber"
            ? (object?)int.Parse(row.Cells[c.Key], CultureInfo.InvariantCulture)
            : row.Cells[c.Key]).ToArray();

    /// <summary>True for a column drawn from one of the form's answers (its declared source is "answer:KEY").</summary>
    public static bool IsAnswer(string? source) => source?.StartsWith("answer:", StringComparison.Ordinal) == true;

    /// <summary>Column widths in characters: the 简介 gets room to wrap, numbers stay narrow.</summary>
    private static double Width(string? source) => source switch
    {
        "rowNumber" => 6,
        "summaryIntro" => 60,
        "title" => 24,
        _ when IsAnswer(source) => 24,
        "summaryPartners" => 18,
        _ => 12,
    };
}
