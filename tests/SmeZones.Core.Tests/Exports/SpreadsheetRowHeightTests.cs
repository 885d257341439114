using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SmeZones.Core.Exports;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>
/// Rows carry a height computed from their wrapped text, because LibreOffice and WPS keep the default height of a
/// file they open and print wrapped cells overlapped and cut.
/// </summary>
public class SpreadsheetRowHeightTests
{
    private static readonly string Intro = string.Concat(Enumerable.Repeat("中小企业特色产业集群", 30)); // 300 characters

    private static Row[] Rows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return [.. document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()];
    }

    [Theory]
    [InlineData("余杭区", 10, 1)]
    [InlineData("中小企业特色产业集群", 21, 1)] // 20 units in 20 usable
    [InlineData("中小企业特色产业集群", 20, 2)] // 20 units in 19 usable: the last character wraps
    [InlineData("abcdefghij", 11, 1)]           // Latin letters take one unit each
    [InlineData("abcdefghij", 10, 2)]
    [InlineData("第一行\n第二行\r\n第三行", 30, 3)] // every line break starts a line
    [InlineData("", 10, 1)]
    public void Wrapped_lines_count_CJK_characters_as_two_units(string text, double width, int lines)
    {
        var rows = Rows(new SpreadsheetWriter("表", "标题").AddColumn("列", width).AddRow(text).ToArray());

        Assert.Equal(Points(lines), rows.Single(r => r.RowIndex! == 3).Height!.Value);
    }

    /// <summary>15 pt a line of 11 pt 宋体 and 5 pt for the cell's padding.</summary>
    private static double Points(int lines) => (lines * 15) + 5;

    [Fact]
    public void Each_row_is_as_tall_as_its_most_wrapped_cell()
    {
        var rows = Rows(new SpreadsheetWriter("表", "推荐汇总表")
            .AddColumn("序号", 6).AddColumn("营业收入（亿元）", 14).AddColumn("主导产业简介", 60)
            .AddRow(1, "12.5", Intro)
            .AddRow(2, "3", "一行")
            .ToArray());

        var header = rows.Single(r => r.RowIndex! == 2);
        var longRow = rows.Single(r => r.RowIndex! == 3);
        var shortRow = rows.Single(r => r.RowIndex! == 4);
        // 营业收入（亿元）: 16 units in 13 usable → 2 lines. The 简介: 29 characters a line in 59 units → 11 lines.
        Assert.Equal(Points(2), header.Height!.Value);
        Assert.Equal(Points(11), longRow.Height!.Value);
        Assert.Equal(Points(1), shortRow.Height!.Value);
        Assert.All(new[] { header, longRow, shortRow }, r => Assert.True(r.CustomHeight!.Value));
    }

    [Fact]
    public void A_row_never_exceeds_the_largest_height_the_format_allows()
    {
        var rows = Rows(new SpreadsheetWriter("表", "标题").AddColumn("内容", 4).AddRow(Intro).ToArray());

        Assert.Equal(409, rows.Single(r => r.RowIndex! == 3).Height!.Value);
    }

    [Fact]
    public async Task LibreOffice_prints_every_wrapped_line_of_each_row_before_the_next_row()
    {
        var xlsx = new SpreadsheetWriter("表", "推荐汇总表")
            .AddColumn("主导产业简介（300字以内）", 40)
            .AddRow(Intro)
            .AddRow("第二个集群的简介")
            .ToArray();

        var text = PdfTools.Compact(await PdfTools.TextAsync(await ConvertWithLibreOfficeAsync(xlsx)));

        // At the default height only the middle line or two of a wrapped cell is printed; here all of it comes, in order.
        Assert.Contains("主导产业简介（300字以内）" + Intro + "第二个集群的简介", text, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ConvertWithLibreOfficeAsync(byte[] xlsx)
    {
        var folder = Directory.CreateTempSubdirectory("smezones-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "summary.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            // Its own profile folder, so parallel runs do not wait on each other's lock.
            var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.FullName, input })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var pdf = Path.Combine(folder.FullName, "summary.pdf");
            Assert.True(process.ExitCode == 0 && File.Exists(pdf), $"LibreOffice did not convert the workbook: {await error}");
            return await File.ReadAllBytesAsync(pdf);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
