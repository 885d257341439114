using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Campaigns;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Exports;
using SmeZones.Core.Publication;
using SmeZones.TestSupport;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Print;

/// <summary>
/// The 专家评分表 and the 公示/认定名单 PDFs, drawn by Razor through the one print path (<see cref="ApplicationPrintHtml"/>):
/// read by meaning, and their PDFs read back against PrintedText/*.txt, pdftotext's lines (white space removed) of the
/// same documents as printed by the hand-written HTML writers they replaced: same text, same order.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class PrintedListsAndSheetsTests(PortalHost host)
{
    [Fact]
    public async Task The_sheets_print_has_each_application_its_aggregate_each_experts_dimensions_and_the_signature_places()
    {
        var (title, sheets) = await SheetsAsync();
        var page = await ParseAsync(await RenderAsync((p, c) => p.RenderAsync(c, title, sheets)));

        Assert.Equal(title, page.Title);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        var applications = page.QuerySelectorAll("section.application");
        Assert.Equal(2, applications.Length);
        Assert.Equal("ZONE-2026-0001　中德（佛山）<b>合作区</b> & 伙伴（广东省佛山市）", applications[0].QuerySelector("h2")!.TextContent);
        var aggregate = applications[0].QuerySelector(".aggregate")!.TextContent;
        Assert.StartsWith("有效评分表 2 份；平均分 ", aggregate, StringComparison.Ordinal);
        Assert.EndsWith("；专家意见分歧较大", aggregate, StringComparison.Ordinal);
        var expertSheets = applications[0].QuerySelectorAll(".sheet");
        Assert.Equal(3, expertSheets.Length);
        Assert.Equal("专家：王专家　所在单位：测试大学", expertSheets[0].QuerySelector(".expert")!.TextContent);
        var rows = expertSheets[0].QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["15", "规划清晰 <script>"], rows[0].Skip(1));
        Assert.Equal("总分：95 分；建议通过", expertSheets[0].QuerySelector(".score")!.TextContent);
        Assert.Equal("评审意见：同意推荐。", expertSheets[0].QuerySelector(".opinion")!.TextContent);
        Assert.Equal("弃权。理由：与申报单位有合作。", expertSheets[2].QuerySelector(".abstained")!.TextContent);
        Assert.Null(expertSheets[2].QuerySelector("table"));
        Assert.All(expertSheets, s => Assert.Equal(["专家签名：", "日期：　　年　　月　　日"], s.QuerySelectorAll(".sign span").Select(x => x.TextContent)));
        Assert.Equal("（尚无提交的评分表）", applications[1].QuerySelector("p:not(.aggregate)")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("b, script"));
    }

    [Fact]
    public async Task The_sheets_print_of_a_round_without_applications_says_so()
    {
        var page = await ParseAsync(await RenderAsync((p, c) => p.RenderAsync(c, "专家评分表", [])));

        Assert.Equal("（无可评审的申报）", page.QuerySelector("body > p")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("section"));
    }

    [Fact]
    public async Task The_list_print_has_the_notice_the_numbered_lines_with_certificates_when_certified_and_the_issuer()
    {
        var page = await ParseAsync(await RenderAsync((p, c) => p.RenderAsync(c, Lists()["certified"])));

        Assert.Equal("2026年度中外中小企业合作区认定名单", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["根据有关规定，现将认定名单公告如下。", "特此公告。\n联系电话：010-12345678"], page.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal(["序号", "名称", "所在地区", "运营管理机构", "证书编号"], page.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["1", "中德（佛山）<b>合作区</b> & 伙伴", "广东省佛山市", "佛山运营公司", "ZQ-2026-001"], rows[0]);
        Assert.Equal("2", rows[1][0]);
        Assert.Equal(["工业和信息化部", "2026年11月26日"], page.QuerySelectorAll(".issuer div").Select(d => d.TextContent));

        var proposed = await ParseAsync(await RenderAsync((p, c) => p.RenderAsync(c, Lists()["proposed"])));
        Assert.Equal(4, proposed.QuerySelectorAll("thead th").Length);
        Assert.All(proposed.QuerySelectorAll("tbody tr"), r => Assert.Equal(4, r.QuerySelectorAll("td").Length));
        Assert.Empty(page.QuerySelectorAll("b, script"));
    }

    [Theory]
    [InlineData("proposed")]
    [InlineData("certified")]
    public async Task The_list_pdf_reads_as_before_the_razor_rewrite(string name)
    {
        var html = await RenderAsync((p, c) => p.RenderAsync(c, Lists()[name]));
        Assert.Equal(await ExpectedAsync("list-" + name), await PdfLinesAsync(html, name));
    }

    [Theory]
    [InlineData("round")]
    [InlineData("empty")]
    public async Task The_sheets_pdf_reads_as_before_the_razor_rewrite(string name)
    {
        var (title, sheets) = name == "round" ? await SheetsAsync() : ("专家评分表", []);
        var html = await RenderAsync((p, c) => p.RenderAsync(c, title, sheets));
        Assert.Equal(await ExpectedAsync("sheets-" + name), await PdfLinesAsync(html, title));
    }

    /// <summary>
    /// A round's sheets with fixed names: one application scored by two experts far apart (flagged) and one who
    /// abstained, and one application without sheets. The assessment is the real one of the zone-2026 fixture, as
    /// signed off.
    /// </summary>
    private async Task<(string Title, IReadOnlyList<ApplicationSheets> Sheets)> SheetsAsync()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var signedOffAt = host.Clock.GetUtcNow().AddMinutes(-5);
        var scored = await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, signedOffAt);
        var unscored = await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, signedOffAt);
        await using var db = host.NewDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == chain.Round.Id);
        var loaded = await ExpertSheetDocuments.LoadAsync(db, campaign, null);
        var first = loaded.Single(a => a.Application.Id == scored.Id);
        var second = loaded.Single(a => a.Application.Id == unscored.Id);
        (first.Application.Number, first.Application.Title, first.Application.RegionCode) = ("ZONE-2026-0001", "中德（佛山）<b>合作区</b> & 伙伴", "440600");
        (second.Application.Number, second.Application.Title, second.Application.RegionCode) = ("ZONE-2026-0002", "中意（佛山）中小企业合作区", "440600");
        ExpertAssignment Sheet(decimal plan, decimal openness, decimal innovation, decimal quality, decimal service, bool abstained = false) => new()
        {
            ExpertId = Guid.NewGuid(), SubmittedAt = signedOffAt, Abstained = abstained,
            AbstainReason = abstained ? "与申报单位有合作。" : null, Opinion = abstained ? null : "同意推荐。",
            Points = abstained ? [] : new() { ["plan"] = plan, ["openness"] = openness, ["innovation"] = innovation, ["quality"] = quality, ["service"] = service },
            Comments = abstained ? [] : new()
            {
                ["plan"] = "规划清晰 <script>", ["openness"] = "开放合作水平较高", ["innovation"] = "创新活跃", ["quality"] = "质量良好", ["service"] = "服务完善",
            },
        };
        List<SheetOfExpert> sheets =
        [
            new("王专家", "测试大学", Sheet(15, 30, 20, 15, 15)),
            new("李专家", "测试研究院", Sheet(10, 18, 10, 8, 9)),
            new("赵专家", "测试协会", Sheet(0, 0, 0, 0, 0, abstained: true)),
        ];
        var settings = ExpertReviewSettings.DefaultsFor(campaign.Id);
        return ("2026年度中外中小企业合作区专家评分表",
        [
            first with { Sheets = sheets, Aggregate = ExpertAggregate.Of(sheets.Select(s => s.Sheet), first.Assessment, settings) },
            second with { Sheets = [], Aggregate = ExpertAggregate.Of([], second.Assessment, settings) },
        ]);
    }

    /// <summary>The proposed list (no certificates) and the certified one, with a paragraph that keeps its line break.</summary>
    private static Dictionary<string, PublishedListDocument> Lists()
    {
        string[] certificates = ["ZQ-2026-001", "ZQ-2026-002"];
        List<PublishedLine> Lines(bool certified) =>
        [
            new("中德（佛山）<b>合作区</b> & 伙伴", "广东省佛山市", "佛山运营公司", certified ? certificates[0] : null),
            new("中意（宁波）中小企业合作区", "浙江省宁波市", "宁波中意产业园运营有限公司", certified ? certificates[1] : null),
        ];
        return new()
        {
            ["proposed"] = new("2026年度中外中小企业合作区建议名单", ["根据有关规定，现将建议名单予以公示。", "公示期间如有异议，请实名反映。"], Lines(false), "工业和信息化部", "2026年11月20日"),
            ["certified"] = new("2026年度中外中小企业合作区认定名单", ["根据有关规定，现将认定名单公告如下。", "特此公告。\n联系电话：010-12345678"], Lines(true), "工业和信息化部", "2026年11月26日"),
        };
    }

    private async Task<string> RenderAsync(Func<ApplicationPrintHtml, ActionContext, Task<string>> render)
    {
        using var scope = host.Services.CreateScope();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, new RouteData(), new ActionDescriptor());
        return await render(scope.ServiceProvider.GetRequiredService<ApplicationPrintHtml>(), context);
    }

    private static async Task<IDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);

    private async Task<List<string>> PdfLinesAsync(string html, string title) =>
        Lines(await PdfTools.TextAsync(await host.Services.GetRequiredService<IPdfRenderer>().RenderAsync(html, title)));

    private static Task<string[]> ExpectedAsync(string name) =>
        File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Print", "PrintedText", name + ".txt"));

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => Whitespace().Replace(l, "")).Where(l => l.Length > 0)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
