using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;
using SmeZones.Web.Infrastructure;
using SmeZones.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SmeZones.Web.Tests.Applications;

/// <summary>
/// The print document reproduces each edition's paper form with the answers, safely encoded: read by meaning (the
/// cover's lines, each section's table, the seal places) from the HTML the portal's Razor views draw.
/// </summary>
[Collection(PortalCollection.Name)]
public class ApplicationPrintTests(PortalHost host)
{
    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Every_edition_prints_its_cover_instructions_and_every_section_heading(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var html = await host.HtmlAsync(PrintRequests.Draft(edition));
        var page = await Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"HZQ-2026-0001 {definition.Title}", page.Title);
        Assert.Equal(definition.Title, Single(page, ".cover h1.title"));
        Assert.Equal(definition.Issuer, Single(page, ".cover p.issuer"));
        Assert.Equal(definition.Annex, page.QuerySelector(".cover p.annex")?.TextContent);
        Assert.Equal("填报说明", Single(page, ".instructions h2"));
        Assert.Equal(
            definition.Instructions.Select((item, i) => $"{i + 1}. {FormTemplate.Resolve(item, definition.RoundYear)}"),
            page.QuerySelectorAll(".instructions p.instruction").Select(p => p.TextContent));
        var sections = page.QuerySelectorAll("section.form-section");
        Assert.Equal(definition.Sections.Select(s => $"{s.Number}、{s.Title}"), sections.Select(s => s.QuerySelector("h2.section-title")?.TextContent));
        // Each section is one ruled table, the first starting on a page of its own after the 填报说明.
        Assert.All(sections, s => Assert.Single(s.Children, c => c.LocalName == "table"));
        Assert.Equal([true, .. Enumerable.Repeat(false, sections.Length - 1)], sections.Select(s => s.ClassList.Contains("first-section")));

        // Every year template is resolved, and the text is written as Chinese, not as character references.
        Assert.DoesNotContain("{y", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zone-2026", "2023年", "2024年", "2025年")]
    [InlineData("zone-2025", "2022年", "2023年", "2024年")]
    [InlineData("cluster-2024", "2021年", "2022年", "2023年")]
    [InlineData("cluster-review-xj", "2023年", "2024年", "2025年")]
    public async Task Data_years_are_resolved_for_the_round_as_the_year_header(string edition, string y1, string y2, string y3)
    {
        var page = await host.DocumentAsync(PrintRequests.Draft(edition));

        var header = page.QuerySelectorAll("table.form tr").First(r => r.FirstElementChild?.TextContent == "年度");
        Assert.Equal(["年度", y1, y2, y3], header.QuerySelectorAll("th.head").Select(th => th.TextContent));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Every_text_and_number_of_the_fixture_is_printed(string edition)
    {
        var answers = FormFixtures.Complete(edition);
        var page = await host.DocumentAsync(PrintRequests.Draft(edition, answers));

        // A cell's text, with each printed line break read as a new line.
        var cells = page.QuerySelectorAll(".blank, td, .fill, .long")
            .Select(e => string.Concat(e.ChildNodes.Select(n => n is IElement { LocalName: "br" } ? "\n" : n.TextContent))).ToList();
        foreach (var (key, value) in answers.Values.Where(a => a.Value is not ("true" or "false" or "yes" or "no" or "notApplicable" or "secondary")))
        {
            Assert.True(cells.Any(c => c.Contains(value, StringComparison.Ordinal)), $"{key} = {value} is not printed");
        }
    }

    [Fact]
    public async Task A_zone_prints_like_the_paper_form()
    {
        var page = await host.DocumentAsync(PrintRequests.Draft("zone-2026"));

        var zoneName = CoverLine(page, "合作区名称：");
        Assert.Equal(["佛山中德中小企业合作区·广东省佛山市"], Texts(zoneName, ".blank"));
        Assert.Equal("(例：××中小企业合作区·××省(区、市)××市(州、区))", zoneName.NextElementSibling?.TextContent);
        Assert.True(zoneName.NextElementSibling!.ClassList.Contains("cover-hint"));
        var region = CoverLine(page, "所属地区：");
        Assert.Equal(["广东", "省(区、市)", "佛山", "市(州、区)"], Texts(region, ".blank, .suffix"));
        Assert.Equal(["(非新设立机构)"], Texts(CoverLine(page, "合作区运营管理机构："), ".suffix"));
        Assert.NotNull(CoverLine(page, "地市级中小企业主管部门(盖章)："));

        // 联系人 | … | 联系方式 | … side by side on one row, as on the paper.
        var contact = Row(page, "联系人");
        Assert.Equal(["联系人", "陈明", "联系方式", "0757-83381234"], contact.Children.Select(c => c.TextContent));
        Assert.Contains(page.QuerySelectorAll(".opts-inline"), o => Texts(o, ".opt").SequenceEqual(["☐是", "☑否"]));
        Assert.Contains(page.QuerySelectorAll("table.inner tr"), r => r.Children.Select(c => c.TextContent).SequenceEqual(["2025年", "1234.56", "72.35"]));
        Assert.Contains(page.QuerySelectorAll("tr"), r => r.QuerySelectorAll("td.num").Select(c => c.TextContent).SequenceEqual(["10", "11", "12"]));
        var opts = page.QuerySelectorAll(".opt").Select(o => o.TextContent).ToList();
        Assert.Contains("☐开展了国际人才交流", opts);
        Assert.Contains("☑其他：举办中德中小企业合作交流大会", opts);
        var fills = page.QuerySelectorAll(".fill").Select(f => f.ParentElement!.TextContent).ToList();
        Assert.Contains("数量：2个", fills);
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent == "总数量：86家" && td.QuerySelector(".fill")?.TextContent == "86");
        Assert.Contains("（提供相关佐证材料 1：合作区入驻企业名录）", page.QuerySelectorAll("th .note").Select(n => n.TextContent));

        // The seal places: the applicant's declaration, confirmed online, and the recommender's block, printed empty.
        Assert.Equal("☑本单位已阅读并确认以上声明", Single(page, "p.confirm"));
        var signatures = page.QuerySelectorAll(".signature");
        Assert.Equal(2, signatures.Length);
        Assert.Equal(["地市级中小企业主管部门（公章）：", "年 月 日"], Texts(signatures[0], "p.sign-line"));
        Assert.True(signatures[0].QuerySelectorAll("p.sign-line")[1].ClassList.Contains("date"));
        Assert.Equal("推荐单位（公章）：", signatures[1].QuerySelector("p.sign-line")?.TextContent);
        var opinion = signatures[1].PreviousElementSibling!;
        Assert.True(opinion.ClassList.Contains("opinion-text"));
        Assert.Equal("", opinion.TextContent);
    }

    [Fact]
    public async Task A_cluster_prints_its_standards_and_plan_tables_with_resolved_years()
    {
        var page = await host.DocumentAsync(PrintRequests.Draft("cluster-2024"));

        var standards = page.QuerySelectorAll("table.inner").First(t => t.QuerySelector("thead th")?.TextContent == "类别");
        var heads = standards.QuerySelectorAll("thead tr");
        Assert.Equal("2", heads[0].Children[0].GetAttribute("rowspan"));
        Assert.Equal(("2021年", "2"), (heads[0].Children[1].TextContent, heads[0].Children[1].GetAttribute("colspan")));
        Assert.Equal(["主持数量", "参与数量"], heads[1].Children.Take(2).Select(c => c.TextContent));
        // A plan table is kept on one page with its label, in a tbody of its own.
        Assert.True(standards.Closest("tbody.keep") is not null);

        var plan = page.QuerySelectorAll("table.inner").First(t => t.QuerySelector("thead th")?.TextContent == "方向");
        Assert.Equal(["方向", "指标", "2023 年基准值", "2026 年目标值"], plan.QuerySelectorAll("thead th").Select(c => c.TextContent));
        // An added row the applicant filled is printed; a direction with no added row keeps the paper's "……".
        var rows = plan.QuerySelectorAll("tbody tr");
        Assert.Contains(rows, r => r.Children.Select(c => c.TextContent).Take(2).SequenceEqual(["集群总产值（亿元）", "452.30"]));
        var digital = rows.First(r => r.FirstElementChild?.TextContent == "数字化");
        Assert.Equal(("2", "工业互联网普及率", "41.20%"), (digital.Children[0].GetAttribute("rowspan"), digital.Children[1].TextContent, digital.Children[2].TextContent));
        Assert.Contains(rows, r => r.QuerySelector("th:not(.head)")?.TextContent == "……" && r.QuerySelectorAll("td").All(td => td.TextContent == ""));
        Assert.Contains("（3）2026 年度", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("☐非高耗能行业，不适用", page.QuerySelectorAll(".opt").Select(o => o.TextContent));
        Assert.Contains("县级行政区划中小企业主管部门负责人（签字）：", page.QuerySelectorAll("p.sign-line").Select(p => p.TextContent));
    }

    [Fact]
    public async Task The_Xinjiang_review_prints_its_own_issuer_and_the_plan_versus_actual_table()
    {
        var page = await host.DocumentAsync(PrintRequests.Draft("cluster-review-xj"));

        Assert.Equal("新疆维吾尔自治区工业和信息化厅 制", Single(page, "p.issuer"));
        var planHeads = page.QuerySelectorAll("table.inner thead tr").Select(r => string.Join("|", r.Children.Skip(2).Select(c => c.TextContent))).ToList();
        Assert.Contains("2023年基准值|2025年目标值|2025年完成值", planHeads);
        Assert.Contains("2025年基准值|2028年目标值", planHeads);
        Assert.Contains(page.QuerySelectorAll("th"), th => th.TextContent.StartsWith("省级中小企业主管部门复核意见", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_answers_come_out_as_inert_text()
    {
        var answers = FormFixtures.Complete("zone-2026")
            .Set("cover.zoneName", "<script>alert(1)</script>")
            .Set("plan.text", "</style><style>body{display:none}</style>\n<img src=x onerror=alert(2)>")
            .Set("openness.exchange.other", "\"><iframe src=//evil>");

        var html = await host.HtmlAsync(PrintRequests.Draft("zone-2026", answers));
        var page = await Parse(html);

        Assert.Equal("<script>alert(1)</script>", CoverLine(page, "合作区名称：").QuerySelector(".blank")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("script, img, iframe, [style], [onerror]"));
        Assert.Single(page.QuerySelectorAll("style"));
        Assert.Contains(page.QuerySelectorAll("tr.flow .long"), l => l.TextContent.StartsWith("</style><style>", StringComparison.Ordinal));
        Assert.Contains("\"><iframe src=//evil>", page.QuerySelectorAll(".fill").Select(f => f.TextContent));
    }

    [Fact]
    public async Task Unanswered_cells_print_empty()
    {
        var html = await host.HtmlAsync(PrintRequests.Draft("cluster-2024", new FormAnswers()));
        var page = await Parse(html);

        Assert.DoesNotContain("null", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("☑", html, StringComparison.Ordinal);
        Assert.Equal([""], Texts(CoverLine(page, "集群名称："), ".blank"));
        Assert.Contains(page.QuerySelectorAll("td.num"), td => td.TextContent.Length == 0);
        Assert.All(page.QuerySelectorAll(".blank, .fill, td.num"), e => Assert.Equal("", e.TextContent));
    }

    [Fact]
    public async Task Line_breaks_of_long_texts_are_kept()
    {
        var answers = FormFixtures.Complete("zone-2026").Set("openness.mechanism", "第一行\r\n第二行\n\n第四行");

        var page = await host.DocumentAsync(PrintRequests.Draft("zone-2026", answers));

        var text = page.QuerySelectorAll("div.long").Single(d => d.TextContent.StartsWith("第一行", StringComparison.Ordinal));
        Assert.Equal(["第一行", "br", "第二行", "br", "br", "第四行"], text.ChildNodes.Select(n => n is IElement e ? e.LocalName : n.TextContent));
    }

    [Fact]
    public async Task The_style_element_is_the_sheet_in_wwwroot_that_its_hash_allows_and_nothing_else_styles_or_scripts()
    {
        var html = await host.HtmlAsync(PrintRequests.Draft("zone-2026"));
        var page = await Parse(html);
        var print = host.Services.GetRequiredService<ApplicationPrintHtml>();
        var sheet = await File.ReadAllTextAsync(Path.Combine(host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath, "css", "print.css"));
        var expectedHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(sheet))) + "'";

        Assert.Equal(sheet, Assert.Single(page.QuerySelectorAll("style")).TextContent);
        Assert.Equal(sheet, print.StyleSheet);
        Assert.Contains($"style-src {expectedHash};", print.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; margin: 20mm 18mm 22mm 18mm }", sheet, StringComparison.Ordinal);
        Assert.Contains("font-family: \"SmeZones Print Song\", \"AR PL UMing CN\", \"WenQuanYi Zen Hei\", \"DejaVu Sans\", serif", sheet, StringComparison.Ordinal);
        // A hash covers <style> elements only; a style attribute would be blocked by the page's CSP.
        Assert.Empty(page.QuerySelectorAll("[style], script, link"));
    }

    [Fact]
    public async Task The_footer_is_left_to_the_renderer_and_the_cover_says_which_copy_it_is()
    {
        var draft = PrintRequests.Draft("zone-2026");
        var submitted = draft with { IsDraft = false, Fingerprint = "3f2a9c1d0b7e4a55", SubmittedAt = new DateTimeOffset(2026, 7, 1, 2, 30, 0, TimeSpan.Zero) };

        var draftPage = await host.DocumentAsync(draft);
        var submittedPage = await host.DocumentAsync(submitted);

        Assert.Equal($"申报编号 HZQ-2026-0001 · {draft.OrganisationName} · 草稿（未提交，内容仍可修改）", Single(draftPage, ".cover p.meta"));
        Assert.Equal($"申报编号 HZQ-2026-0001 · {draft.OrganisationName} · 提交于 2026年7月1日 10:30（北京时间） · 校验码 3f2a9c1d0b7e4a55", Single(submittedPage, ".cover p.meta"));
        Assert.DoesNotContain("HZQ-2026-0001 · 草稿", draftPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("HZQ-2026-0001 · 3f2a9c1d0b7e4a55", submittedPage.Body!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> Editions() => [.. FormFixtures.Editions];

    private static async Task<IDocument> Parse(string html) => await new HtmlParser().ParseDocumentAsync(html);

    private static string Single(IDocument page, string selector) => Assert.Single(page.QuerySelectorAll(selector)).TextContent;

    private static IElement CoverLine(IDocument page, string label) =>
        page.QuerySelectorAll(".cover p.cover-line").Single(l => l.QuerySelector(".cover-label")?.TextContent == label);

    private static IElement Row(IDocument page, string firstHeader) =>
        page.QuerySelectorAll("table.form tr").First(r => r.FirstElementChild?.TextContent == firstHeader);

    private static List<string> Texts(IElement element, string selector) =>
        [.. element.QuerySelectorAll(selector).Select(e => e.TextContent)];
}
