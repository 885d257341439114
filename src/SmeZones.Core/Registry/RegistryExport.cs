using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Registry;

/// <summary>The registry as downloads: an .xlsx laid out by <see cref="SpreadsheetWriter"/> and the portal's CSV (UTF-8 with BOM).</summary>
public static class RegistryExport
{
    private static readonly (string Key, string Label, double Width)[] Columns =
    [
        ("number", "序号", 6), ("certificate", "证书编号", 22), ("programme", "类别", 20), ("name", "名称", 34), ("region", "所在地区", 22),
        ("operator", "运营管理机构", 30), ("certifiedOn", "认定日期", 14), ("validUntil", "有效期至", 14), ("status", "状态", 12),
    ];

    public static SummaryTable Table(string title, IReadOnlyList<RegistryEntry> entries)
    {
        var regions = RegionCatalogue.Instance;
        var rows = entries.Select((e, i) => new SummaryRow(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["certificate"] = e.CertificateNumber,
            ["programme"] = e.Programme.ToChinese(), ["name"] = e.Name, ["region"] = regions.FullName(e.RegionCode) ?? e.RegionCode,
            ["operator"] = e.OperatorName, ["certifiedOn"] = e.CertifiedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["validUntil"] = e.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["status"] = e.Status.ToChinese(),
        })).ToList();
        return new SummaryTable(null, title, [], Columns.Select(c => new TableColumn { Key = c.Key, Label = c.Label }).ToList(), rows);
    }

    public static byte[] ToSpreadsheet(SummaryTable table)
    {
        var writer = new SpreadsheetWriter("名录", table.Title).AddColumns(Columns.Select(c => new SpreadsheetColumn(c.Label, c.Width)));
        foreach (var row in table.Rows)
        {
            writer.AddRow(Columns.Select(c => c.Key == "number" ? (object?)int.Parse(row.Cells[c.Key], System.Globalization.CultureInfo.InvariantCulture) : row.Cells[c.Key]).ToArray());
        }
        return writer.ToArray();
    }

    public static byte[] ToCsv(SummaryTable table) => NationalSummary.ToCsv(table);
}
