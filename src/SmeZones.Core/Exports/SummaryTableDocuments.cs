using System.Globalization;

namespace SmeZones.Core.Exports;

/// <summary>
/// The 推荐汇总表 as the spreadsheet a province works with; its PDF to stamp is drawn by the web project's print view
/// (Pages/Shared/Print/_SummaryTable.cshtml).
/// </summary>
public static class SummaryTableDocuments
{
    public static byte[] ToSpreadsheet(SummaryTable table)
    {
        var writer = new SpreadsheetWriter("推荐汇总表", table.Title);
        foreach (var line in table.HeaderLines)
        {
            writer.AddHeaderLine(line);
        }
        writer.AddColumns(table.Columns.Select(c => new SpreadsheetColumn(c.Label, Width(c.Source))));
        foreach (var row in table.Rows)
        {
            // 序号 as a number, so sorting and counting work in the spreadsheet.
            writer.AddRow(table.Columns.Select(c => c.Source == "rowNumber"
                ? (object?)int.Parse(row.Cells[c.Key], CultureInfo.InvariantCulture)
                : row.Cells[c.Key]).ToArray());
        }
        return writer.ToArray();
    }

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
