using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SmeZones.Core.Exports;

namespace SmeZones.Core.Tests.Exports;

public class SpreadsheetWriterTests
{
    private const string Title = "2026年度中小企业特色产业集群推荐汇总表";
    private static readonly string LongText = string.Concat(Enumerable.Repeat("中小企业特色产业集群", 30)); // 300 characters

    private static byte[] Sample() => new SpreadsheetWriter("推荐汇总表", Title)
        .AddHeaderLine("省级中小企业主管部门（盖章）：")
        .AddHeaderLine("联系人及联系方式：")
        .AddColumn("序号", 6)
        .AddColumn("集群名称", 30)
        .AddColumn("所在地区", 16)
        .AddColumn("主导产业简介", 60)
        .AddColumn("营业收入（亿元）", 14)
        .AddRow(1, "余杭区智能装备产业集群", "浙江省杭州市", LongText, 123.45m)
        .AddRow(2, "=HYPERLINK(\"http://evil.example/\",\"点击\")", "+1", "-2", "@SUM(A1)")
        .AddRow(3, "只有两格")
        .ToArray();

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static Worksheet Sheet(SpreadsheetDocument document) => document.WorkbookPart!.WorksheetParts.Single().Worksheet;

    private static string? Text(SpreadsheetDocument document, string reference)
    {
        var cell = Sheet(document).Descendants<Cell>().Single(c => c.CellReference == reference);
        if (cell.DataType?.Value != CellValues.SharedString)
        {
            return cell.CellValue?.Text;
        }

        var items = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>();
        return items.ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
    }

    [Fact]
    public void The_file_is_valid_Open_XML()
    {
        using var document = Open(Sample());

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Title_header_lines_and_column_titles_come_first_in_Chinese()
    {
        using var document = Open(Sample());

        Assert.Equal(Title, Text(document, "A1"));
        Assert.Equal("省级中小企业主管部门（盖章）：", Text(document, "A2"));
        Assert.Equal("联系人及联系方式：", Text(document, "A3"));
        Assert.Equal(["序号", "集群名称", "所在地区", "主导产业简介", "营业收入（亿元）"], new[] { "A4", "B4", "C4", "D4", "E4" }.Select(r => Text(document, r)));
        var merges = Sheet(document).Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Equal(["A1:E1", "A2:E2", "A3:E3"], merges);
        Assert.Equal("推荐汇总表", document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void Rows_keep_long_Chinese_text_and_numbers_as_numbers()
    {
        using var document = Open(Sample());

        Assert.Equal(300, LongText.Length);
        Assert.Equal(LongText, Text(document, "D5"));
        Assert.Equal("余杭区智能装备产业集群", Text(document, "B5"));
        var revenue = Sheet(document).Descendants<Cell>().Single(c => c.CellReference == "E5");
        Assert.Null(revenue.DataType);
        Assert.Equal("123.45", revenue.CellValue!.Text);
        Assert.Equal(5, Sheet(document).Descendants<Row>().Single(r => r.RowIndex! == 7).Elements<Cell>().Count());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/\",\"点击\")")]
    [InlineData("+cmd")]
    [InlineData("@SUM(1)")]
    [InlineData("-1+1")]
    [InlineData("  =1+1")]
    [InlineData("\tabc")]
    public void Formula_like_text_is_a_text_cell_showing_exactly_what_was_typed(string typed)
    {
        var bytes = new SpreadsheetWriter("表", "标题").AddColumn("名称", 10).AddColumn("数", 10).AddRow(typed, -2).ToArray();

        using var document = Open(bytes);
        var cell = Sheet(document).Descendants<Cell>().Single(c => c.CellReference == "A3");
        Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
        Assert.Equal(typed, Text(document, "A3"));
        Assert.Null(cell.CellFormula);
        Assert.Empty(Sheet(document).Descendants<CellFormula>());
        // Excel's own mark for text typed with a leading apostrophe: shown without it, and editing keeps it text.
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.True(styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).QuotePrefix!.Value);
        Assert.Equal("-2", Text(document, "B3")); // a negative number stays a number
        Assert.Null(Sheet(document).Descendants<Cell>().Single(c => c.CellReference == "B3").DataType);
    }

    [Fact]
    public void Ordinary_text_has_no_quote_prefix()
    {
        using var document = Open(Sample());

        var cell = Sheet(document).Descendants<Cell>().Single(c => c.CellReference == "B5");
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.Null(styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).QuotePrefix);
        Assert.Equal("=HYPERLINK(\"http://evil.example/\",\"点击\")", Text(document, "B6"));
    }

    [Fact]
    public void Column_widths_are_set_in_character_units()
    {
        using var document = Open(Sample());

        var columns = Sheet(document).Descendants<Column>().ToList();
        Assert.Equal([6d, 30d, 16d, 60d, 14d], columns.Select(c => c.Width!.Value));
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value));
    }

    [Fact]
    public void Prints_A4_landscape_fitted_to_width_with_the_column_titles_on_every_page()
    {
        using var document = Open(Sample());

        var setup = Sheet(document).Descendants<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(Sheet(document).Descendants<PageSetupProperties>().Single().FitToPage!.Value);
        var printTitles = document.WorkbookPart!.Workbook.Descendants<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal("'推荐汇总表'!$4:$4", printTitles.Text);
        Assert.Equal(0u, printTitles.LocalSheetId!.Value);
    }

    [Fact]
    public void Panes_are_frozen_below_the_column_titles()
    {
        using var document = Open(Sample());

        var pane = Sheet(document).Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(4d, pane.VerticalSplit!.Value);
        Assert.Equal("A5", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void The_stylesheet_has_the_Normal_cell_style_and_bold_wrapped_bordered_titles()
    {
        using var document = Open(Sample());

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.Equal("Normal", styles.CellStyles!.Elements<CellStyle>().Single().Name!.Value);
        var titleCell = Sheet(document).Descendants<Cell>().Single(c => c.CellReference == "B4");
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)titleCell.StyleIndex!.Value);
        Assert.True(format.Alignment!.WrapText!.Value);
        Assert.NotEqual(0u, format.BorderId!.Value);
        Assert.NotNull(styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_instead_of_breaking_the_file()
    {
        var bytes = new SpreadsheetWriter("表", "标题").AddColumn("名称", 10).AddRow("甲\u0001乙\u000B").ToArray();

        using var document = Open(bytes);
        Assert.Equal("甲乙", Text(document, "A3"));
    }

    [Fact]
    public void A_row_longer_than_the_columns_is_refused()
    {
        var writer = new SpreadsheetWriter("表", "标题").AddColumn("名称", 10);

        Assert.Throws<ArgumentException>(() => writer.AddRow("甲", "乙"));
    }

    [Fact]
    public void Values_that_are_neither_text_nor_numbers_are_refused_when_added()
    {
        var writer = new SpreadsheetWriter("表", "标题").AddColumn("日期", 10);

        Assert.Throws<ArgumentException>(() => writer.AddRow(DateTime.Now));
        Assert.Throws<ArgumentException>(() => writer.AddRow(double.NaN));
    }

    [Fact]
    public void Columns_past_Z_are_named_AA_AB()
    {
        var columns = Enumerable.Range(1, 28).Select(i => new SpreadsheetColumn($"第{i}列", 8));
        var bytes = new SpreadsheetWriter("表", "标题").AddColumns(columns).AddRow([.. Enumerable.Range(1, 28).Cast<object?>()]).ToArray();

        using var document = Open(bytes);
        Assert.Equal("第28列", Text(document, "AB2"));
        Assert.Equal("28", Text(document, "AB3"));
        Assert.Equal("A1:AB1", Sheet(document).Descendants<MergeCell>().Single().Reference!.Value);
    }

    [Fact]
    public void Sheet_names_Excel_forbids_are_made_safe()
    {
        using var document = Open(new SpreadsheetWriter("2026/01:汇总[草稿]?这是一个非常非常非常非常非常长的工作表名称", "标题").AddColumn("名称", 10).ToArray());

        var name = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value!;
        Assert.Equal("2026_01_汇总_草稿__这是一个非常非常非常非常非常长的", name);
        Assert.Equal(31, name.Length);
    }

    [Fact]
    public async Task Writing_to_a_stream_gives_a_readable_workbook()
    {
        using var stream = new MemoryStream();

        await new SpreadsheetWriter("表", "标题").AddColumn("名称", 10).AddRow("余杭区").WriteToAsync(stream);

        using var document = Open(stream.ToArray());
        Assert.Equal("余杭区", Text(document, "A3"));
    }

    [Fact]
    public async Task Rows_written_as_they_are_read_give_the_same_sheet_as_rows_added_first()
    {
        object?[][] rows = [[1, "余杭区智能装备产业集群", "浙江省杭州市", LongText, 123.45m], [2, "=1+1", "+1", null, "@SUM(A1)"], [3, "只有两格"]];
        using var stream = new MemoryStream();

        await Writer().AddRow(rows[0]).WriteRowsAsync(stream, Read(rows.Skip(1)));

        var added = rows.Aggregate(Writer(), (writer, row) => writer.AddRow(row)).ToArray();
        using var streamed = Open(stream.ToArray());
        using var expected = Open(added);
        Assert.Equal(Sheet(expected).OuterXml, Sheet(streamed).OuterXml);
        Assert.Equal(expected.WorkbookPart!.SharedStringTablePart!.SharedStringTable.OuterXml, streamed.WorkbookPart!.SharedStringTablePart!.SharedStringTable.OuterXml);
        Assert.Empty(new OpenXmlValidator().Validate(streamed));

        static SpreadsheetWriter Writer() => new SpreadsheetWriter("推荐汇总表", Title).AddHeaderLine("联系人及联系方式：")
            .AddColumn("序号", 6).AddColumn("集群名称", 30).AddColumn("所在地区", 16).AddColumn("主导产业简介", 60).AddColumn("营业收入（亿元）", 14);
    }

    [Fact]
    public async Task A_row_read_with_more_cells_than_columns_is_refused()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new SpreadsheetWriter("表", "标题").AddColumn("名称", 10).WriteRowsAsync(stream, Read([["一", "二"]])));
    }

    private static async IAsyncEnumerable<object?[]> Read(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield(); // as a query's rows arrive
            yield return row;
        }
    }
}
