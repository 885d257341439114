using SmeZones.Core.Exports;

namespace SmeZones.Core.Publication;

/// <summary>One line of a published list: what the public may see, and for 认定 the certificate.</summary>
public sealed record PublishedLine(string Name, string RegionName, string OperatorName, string? CertificateNumber);

/// <summary>The 建议名单 or 认定名单 as published: title, notice paragraphs, the lines, the issuer and date.</summary>
public sealed record PublishedListDocument(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<PublishedLine> Lines, string Issuer, string Date)
{
    public bool ShowsCertificates => Lines.Any(l => l.CertificateNumber is not null);
}

/// <summary>
/// The 建议名单 and 认定名单 as an .xlsx to work with; the announcement (公告) PDF is the Razor view
/// Pages/Shared/Print/_PublishedList.cshtml (ADR 0050).
/// </summary>
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
}
