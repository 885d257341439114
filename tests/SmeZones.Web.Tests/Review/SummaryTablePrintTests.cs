using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The 推荐汇总表's print view, drawn by Razor through the one print path (<see cref="ApplicationPrintHtml"/>): read by
/// meaning, and its PDF read back against SummaryText/*.txt, pdftotext's lines (white space removed) of the same
/// tables as printed by the hand-written HTML writer it replaced: same text, same order.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class SummaryTablePrintTests(PortalHost host)
{
    [Fact]
    public async Task The_print_view_has_the_title_header_lines_columns_rows_and_the_stamp_and_date_places()
    {
        var page = await new HtmlParser().ParseDocumentAsync(await HtmlAsync(Tables()["zone"]));

        Assert.Equal("2026年度中外中小企业合作区推荐汇总表", page.Title);
        Assert.Equal("附件2", page.QuerySelector(".annex")!.TextContent);
        Assert.Equal("2026年度中外中小企业合作区推荐汇总表", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["省级中小企业主管部门：广东省测试局（盖章）", "联系人及联系方式：张三 020-12345678"], page.QuerySelectorAll(".header").Select(h => h.TextContent));
        Assert.Equal(["w-number", "w-name", "w-name", "w-mid", "w-mid", "w-mid", "w-wide"], page.QuerySelectorAll("colgroup col").Select(c => c.ClassName));
        Assert.Equal(Columns.Select(c => c.Label), page.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "中德（佛山）<b>合作区</b> & 伙伴", "佛山运营公司"], rows[0].Take(3));
        Assert.Equal(["（盖章）", "年　　月　　日"], page.QuerySelectorAll(".stamp span").Select(s => s.TextContent));
        Assert.Empty(page.QuerySelectorAll("b, script"));
    }

    [Fact]
    public async Task A_table_without_rows_says_there_is_no_recommendation_across_all_columns()
    {
        var page = await new HtmlParser().ParseDocumentAsync(await HtmlAsync(Tables()["empty"]));

        var cell = Assert.Single(page.QuerySelectorAll("tbody td"));
        Assert.Equal("（无推荐）", cell.TextContent);
        Assert.Equal(Columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("colspan"));
    }

    [Theory]
    [InlineData("zone")]
    [InlineData("empty")]
    public async Task The_pdf_reads_as_before_the_razor_rewrite(string name)
    {
        var table = Tables()[name];
        var pdf = await host.Services.GetRequiredService<IPdfRenderer>().RenderAsync(await HtmlAsync(table), table.Title);

        var expected = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Review", "SummaryText", name + ".txt"));
        var actual = Lines(await PdfTools.TextAsync(pdf));
        Assert.Equal(expected, actual);
    }

    private static readonly IReadOnlyList<TableColumn> Columns =
    [
        // Sources as the zone-2026 edition declares them: the print view sizes each column by what it holds.
        new() { Key = "number", Label = "序号", Source = "rowNumber" }, new() { Key = "zoneName", Label = "合作区名称", Source = "title" },
        new() { Key = "operator", Label = "合作区运营管理机构", Source = "answer:basic.operator" },
        new() { Key = "province", Label = "所在省（区、市）", Source = "province" }, new() { Key = "city", Label = "所在市（州、区）", Source = "city" },
        new() { Key = "partnerCountries", Label = "重点合作国别（区域）", Source = "summaryPartners" },
        new() { Key = "profile", Label = "合作区简介（300字以内）", Source = "summaryIntro" },
    ];

    /// <summary>Two recommendations (one name with markup to be shown as text, one 300-character profile), and none.</summary>
    private static Dictionary<string, SummaryTable> Tables()
    {
        string[] header = ["省级中小企业主管部门：广东省测试局（盖章）", "联系人及联系方式：张三 020-12345678"];
        var profile = string.Concat(Enumerable.Repeat("合作区聚焦智能制造与跨境服务，", 20))[..300];
        SummaryRow Row(string number, string name, string operatorName, string partners, string text) => new(new Dictionary<string, string>
        {
            ["number"] = number, ["zoneName"] = name, ["operator"] = operatorName, ["province"] = "广东省", ["city"] = "佛山市",
            ["partnerCountries"] = partners, ["profile"] = text,
        });
        return new()
        {
            ["zone"] = new("附件2", "2026年度中外中小企业合作区推荐汇总表", header, Columns,
            [
                Row("1", "中德（佛山）<b>合作区</b> & 伙伴", "佛山运营公司", "德国、法国", profile),
                Row("2", "中意（佛山）中小企业合作区", "佛山中意产业园运营有限公司", "=HYPERLINK(\"http://x\")意大利", "简介较短。"),
            ]),
            ["empty"] = new(null, "2026年度中外中小企业合作区推荐汇总表", header, Columns, []),
        };
    }

    private async Task<string> HtmlAsync(SummaryTable table)
    {
        using var scope = host.Services.CreateScope();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, new RouteData(), new ActionDescriptor());
        return await scope.ServiceProvider.GetRequiredService<ApplicationPrintHtml>().RenderAsync(context, table);
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => Whitespace().Replace(l, "")).Where(l => l.Length > 0)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
