using System.Globalization;
using System.Net;
using System.Text;
using SmeZones.Core.Exports;

namespace SmeZones.Core.Publication;

/// <summary>One line of a published list: what the public may see, and for 认定 the certificate.</summary>
public sealed record PublishedLine(string Name, string RegionName, string OperatorName, string? CertificateNumber);

/// <summary>The 建议名单 or 认定名单 as published: title, notice paragraphs, the lines, the issuer and date.</summary>
public sealed record PublishedListDocument(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<PublishedLine> Lines, string Issuer, string Date)
{
    public bool ShowsCertificates => Lines.Any(l => l.CertificateNumber is not null);
}

/// <summary>The 建议名单 and 认定名单 as files: an .xlsx to work with and an announcement (公告) as HTML for the PDF.</summary>
public static class ListDocuments
{
    public static byte[] ToSpreadsheet(PublishedListDocument document)
    {
        var writer = new SpreadsheetWriter(document.ShowsCertificates ? "认定名单" : "建议名单", document.Title);
        writer.AddColumn("序号", 6).AddColumn("名称", 36).AddColumn("所在地区", 24).AddColumn("运营管理机构", 36);
        if (document.ShowsCertificates)
        {
            writer.AddColumn("证书编号", 24);
        }
        var n = 0;
        foreach (var line in document.Lines)
        {
            object?[] cells = document.ShowsCertificates
                ? [++n, line.Name, line.RegionName, line.OperatorName, line.CertificateNumber]
                : [++n, line.Name, line.RegionName, line.OperatorName];
            writer.AddRow(cells);
        }
        return writer.ToArray();
    }

    /// <summary>A4 portrait announcement: title, notice, numbered table, issuer and date at the foot; every value encoded.</summary>
    public static string ToHtml(PublishedListDocument document)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(document.Title)).Append("</title><style>")
            .Append("@page { size: A4; margin: 25mm 20mm; } body { font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif; font-size: 12pt; line-height: 1.7; } ")
            .Append("h1 { text-align: center; font-size: 18pt; margin: 0 0 8mm; } p { text-indent: 2em; margin: 0 0 3mm; white-space: pre-wrap; } ")
            .Append("table { width: 100%; border-collapse: collapse; margin: 5mm 0; font-size: 11pt; } th, td { border: 1px solid #000; padding: 1.5mm 2mm; } ")
            .Append("tr { page-break-inside: avoid; } .issuer { text-align: right; margin-top: 12mm; } .issuer div { margin-right: 6mm; }")
            .Append("</style></head><body><h1>").Append(E(document.Title)).Append("</h1>");
        foreach (var paragraph in document.Paragraphs)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>");
        }
        html.Append("<table><thead><tr><th>序号</th><th>名称</th><th>所在地区</th><th>运营管理机构</th>");
        if (document.ShowsCertificates)
        {
            html.Append("<th>证书编号</th>");
        }
        html.Append("</tr></thead><tbody>");
        var n = 0;
        foreach (var line in document.Lines)
        {
            html.Append("<tr><td>").Append((++n).ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(line.Name))
                .Append("</td><td>").Append(E(line.RegionName)).Append("</td><td>").Append(E(line.OperatorName)).Append("</td>");
            if (document.ShowsCertificates)
            {
                html.Append("<td>").Append(E(line.CertificateNumber)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table><div class=\"issuer\"><div>").Append(E(document.Issuer)).Append("</div><div>").Append(E(document.Date))
            .Append("</div></div></body></html>");
        return html.ToString();
    }
}
