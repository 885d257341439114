using System.Globalization;
using System.Net;
using System.Text;

namespace SmeZones.Core.Exports;

/// <summary>The 推荐汇总表 as the files a province sends: an .xlsx to work with and a PDF to stamp.</summary>
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
            writer.AddRow(table.Columns.Select(c => c.Key == "number"
                ? (object?)int.Parse(row.Cells[c.Key], CultureInfo.InvariantCulture)
                : row.Cells[c.Key]).ToArray());
        }
        return writer.ToArray();
    }

    /// <summary>A4 landscape print view with the stamp and date places; every value HTML-encoded.</summary>
    public static string ToHtml(SummaryTable table)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(table.Title)).Append("</title><style>")
            .Append("@page { size: A4 landscape; margin: 15mm 12mm 20mm 12mm; } ")
            .Append("body { font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif; font-size: 10.5pt; } ")
            .Append("h1 { text-align: center; font-size: 16pt; margin: 4mm 0 5mm; } .annex { font-size: 12pt; } ")
            .Append(".header { margin: 1mm 0; } table { width: 100%; border-collapse: collapse; margin-top: 4mm; } ")
            .Append("th, td { border: 1px solid #000; padding: 2mm; vertical-align: top; } th { background: #eee; } ")
            .Append("tr { page-break-inside: avoid; } .hint { font-weight: normal; font-size: 8pt; display: block; } ")
            .Append(".stamp { margin-top: 10mm; text-align: right; } .stamp span { display: inline-block; margin-left: 20mm; } ")
            .Append(".w-number { width: 5%; } .w-name { width: 14%; } .w-wide { width: 36%; } .w-mid { width: 10%; }")
            .Append("</style></head><body>");
        if (table.Annex is not null)
        {
            html.Append("<div class=\"annex\">").Append(E(table.Annex)).Append("</div>");
        }
        html.Append("<h1>").Append(E(table.Title)).Append("</h1>");
        foreach (var line in table.HeaderLines)
        {
            html.Append("<div class=\"header\">").Append(E(line)).Append("</div>");
        }
        html.Append("<table><colgroup>");
        foreach (var column in table.Columns)
        {
            html.Append("<col class=\"").Append(WidthClass(column.Source)).Append("\">");
        }
        html.Append("</colgroup><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(E(column.Label)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var column in table.Columns)
            {
                html.Append("<td>").Append(E(row.Cells[column.Key])).Append("</td>");
            }
            html.Append("</tr>");
        }
        if (table.Rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"").Append(table.Columns.Count).Append("\">（无推荐）</td></tr>");
        }
        html.Append("</tbody></table><div class=\"stamp\"><span>（盖章）</span><span>年　　月　　日</span></div></body></html>");
        return html.ToString();
    }

    // Widths follow what a column holds (its declared source), not its key, so a new edition's columns size themselves.
    private static string WidthClass(string? source) => source switch
    {
        "rowNumber" => "w-number",
        "summaryIntro" => "w-wide",
        "title" => "w-name",
        _ when IsAnswer(source) => "w-name",
        _ => "w-mid",
    };

    private static bool IsAnswer(string? source) => source?.StartsWith("answer:", StringComparison.Ordinal) == true;

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
