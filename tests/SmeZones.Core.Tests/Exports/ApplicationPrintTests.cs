using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Exports;

/// <summary>The print document reproduces each edition's paper form with the answers, safely encoded.</summary>
public partial class ApplicationPrintTests
{
    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_edition_prints_its_cover_instructions_and_every_section_heading(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var html = Build(edition);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1 class=\"title\">{definition.Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"issuer\">{definition.Issuer}</p>", html, StringComparison.Ordinal);
        if (definition.Annex is null)
        {
            Assert.DoesNotContain("class=\"annex\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"<p class=\"annex\">{definition.Annex}</p>", html, StringComparison.Ordinal);
        }

        Assert.Contains("填报说明", html, StringComparison.Ordinal);
        Assert.Contains($"{definition.Instructions.Count}. ", html, StringComparison.Ordinal);
        foreach (var section in definition.Sections)
        {
            Assert.Contains($"<h2 class=\"section-title\">{section.Number}、{section.Title}</h2>", html, StringComparison.Ordinal);
        }

        // Every year template is resolved, and the text is written as Chinese, not as character references.
        Assert.DoesNotContain("{y", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zone-2026", "2023年", "2024年", "2025年")]
    [InlineData("zone-2025", "2022年", "2023年", "2024年")]
    [InlineData("cluster-2024", "2021年", "2022年", "2023年")]
    [InlineData("cluster-review-xj", "2023年", "2024年", "2025年")]
    public void Data_years_are_resolved_for_the_round_as_the_year_header(string edition, string y1, string y2, string y3)
    {
        var html = Build(edition);

        Assert.Contains($"<th class=\"head\">年度</th><th class=\"head\">{y1}</th><th class=\"head\">{y2}</th><th class=\"head\">{y3}</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_text_and_number_of_the_fixture_is_printed(string edition)
    {
        var answers = FormFixtures.Complete(edition);
        var html = Build(edition, answers);

        foreach (var (key, value) in answers.Values.Where(a => a.Value is not ("true" or "false" or "yes" or "no" or "notApplicable" or "secondary")))
        {
            var printed = string.Join("<br>", value.Split('\n'));
            Assert.True(html.Contains(printed, StringComparison.Ordinal), $"{key} = {value} is not printed");
        }
    }

    [Fact]
    public void A_zone_prints_like_the_paper_form()
    {
        var html = Build("zone-2026");

        Assert.Contains("<span class=\"cover-label\">合作区名称：</span><span class=\"blank\">佛山中德中小企业合作区·广东省佛山市</span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"cover-hint\">(例：××中小企业合作区·××省(区、市)××市(州、区))</p>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"blank\">广东</span><span class=\"suffix\">省(区、市)</span><span class=\"blank\">佛山</span><span class=\"suffix\">市(州、区)</span>", html, StringComparison.Ordinal);
        Assert.Contains("地市级中小企业主管部门(盖章)：", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"suffix\">(非新设立机构)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<th>联系人</th><td>陈明</td><th>联系方式</th><td>0757-83381234</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"opt\">☐是</span><span class=\"opt\">☑否</span>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\">2025年</th><td class=\"num\">1234.56</td><td class=\"num\">72.35</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">10</td><td class=\"num\">11</td><td class=\"num\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"opt\">☐开展了国际人才交流</span>", html, StringComparison.Ordinal);
        Assert.Contains("☑其他：<span class=\"fill\">举办中德中小企业合作交流大会</span>", html, StringComparison.Ordinal);
        Assert.Contains("数量：<span class=\"fill\">2</span>个", html, StringComparison.Ordinal);
        Assert.Contains("总数量：<span class=\"fill\">86</span>家", html, StringComparison.Ordinal);
        Assert.Contains("（提供相关佐证材料 1：合作区入驻企业名录）", html, StringComparison.Ordinal);
        Assert.Contains("☑本单位已阅读并确认以上声明", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"sign-line\">地市级中小企业主管部门（公章）：</p><p class=\"sign-line date\">年 月 日</p>", html, StringComparison.Ordinal);
        // The recommender's block is printed with its places for seal and date, and nothing in it.
        Assert.Contains("<div class=\"long opinion-text\"></div><div class=\"signature\"><p class=\"sign-line\">推荐单位（公章）：</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_prints_its_standards_and_plan_tables_with_resolved_years()
    {
        var html = Build("cluster-2024");

        Assert.Contains("<th class=\"head\" rowspan=\"2\">类别</th><th class=\"head\" colspan=\"2\">2021年</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\">主持数量</th><th class=\"head\">参与数量</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\">方向</th><th class=\"head\">指标</th><th class=\"head\">2023 年基准值</th><th class=\"head\">2026 年目标值</th>", html, StringComparison.Ordinal);
        // An added row the applicant filled is printed; a direction with no added row keeps the paper's "……".
        Assert.Contains("<th>集群总产值（亿元）</th><td><span class=\"long\">452.30</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\" rowspan=\"2\">数字化</th><th>工业互联网普及率</th><td><span class=\"long\">41.20%</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>……</th>", html, StringComparison.Ordinal);
        Assert.Contains("（3）2026 年度", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"opt\">☐非高耗能行业，不适用</span>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"sign-line\">县级行政区划中小企业主管部门负责人（签字）：</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Xinjiang_review_prints_its_own_issuer_and_the_plan_versus_actual_table()
    {
        var html = Build("cluster-review-xj");

        Assert.Contains("新疆维吾尔自治区工业和信息化厅 制", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\">2023年基准值</th><th class=\"head\">2025年目标值</th><th class=\"head\">2025年完成值</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"head\">2025年基准值</th><th class=\"head\">2028年目标值</th>", html, StringComparison.Ordinal);
        Assert.Contains("省级中小企业主管部门复核意见", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_answers_come_out_as_inert_text()
    {
        var answers = FormFixtures.Complete("zone-2026")
            .Set("cover.zoneName", "<script>alert(1)</script>")
            .Set("plan.text", "</style><style>body{display:none}</style>\n<img src=x onerror=alert(2)>")
            .Set("openness.exchange.other", "\"><iframe src=//evil>");

        var html = Build("zone-2026", answers);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(StyleElements().Matches(html));
        Assert.Equal(1, Regex.Count(html, "</style>"));
    }

    [Fact]
    public void Unanswered_cells_print_empty()
    {
        var html = Build("cluster-2024", new FormAnswers());

        Assert.DoesNotContain("null", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("☑", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"cover-label\">集群名称：</span><span class=\"blank\"></span>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\"></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_of_long_texts_are_kept()
    {
        var answers = FormFixtures.Complete("zone-2026").Set("openness.mechanism", "第一行\r\n第二行\n\n第四行");

        var html = Build("zone-2026", answers);

        Assert.Contains("<div class=\"long\">第一行<br>第二行<br><br>第四行</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_style_element_is_exactly_the_sheet_its_hash_allows_and_nothing_else_styles_or_scripts()
    {
        var html = Build("zone-2026");
        var expectedHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ApplicationPrint.StyleSheet))) + "'";

        Assert.Equal(ApplicationPrint.StyleSheet, StyleElements().Match(html).Groups["css"].Value);
        Assert.Equal(expectedHash, ApplicationPrint.StyleHashSource);
        Assert.Contains($"style-src {expectedHash};", ApplicationPrint.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; margin: 20mm 18mm 22mm 18mm }", ApplicationPrint.StyleSheet, StringComparison.Ordinal);
        Assert.Contains("font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif", ApplicationPrint.StyleSheet, StringComparison.Ordinal);
        // A hash covers <style> elements only; a style attribute would be blocked by the page's CSP.
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_footer_says_draft_or_the_fingerprint_and_is_left_to_the_renderer()
    {
        var draft = Request("zone-2026", FormFixtures.Complete("zone-2026"));
        var submitted = draft with { IsDraft = false, Fingerprint = "3f2a9c1d0b7e4a55", SubmittedAt = DateTimeOffset.UtcNow };

        Assert.Equal("HZQ-2026-0001 · 草稿", ApplicationPrint.FooterText(draft));
        Assert.Equal("HZQ-2026-0001 · 3f2a9c1d0b7e4a55", ApplicationPrint.FooterText(submitted));
        Assert.Throws<ArgumentException>(() => ApplicationPrint.FooterText(submitted with { Fingerprint = null }));
        Assert.Equal("HZQ-2026-0001.pdf", ApplicationPrint.FileName(draft));
        Assert.DoesNotContain(ApplicationPrint.FooterText(draft), ApplicationPrint.BuildHtml(draft), StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicationPrint.FooterText(submitted), ApplicationPrint.BuildHtml(submitted), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cover_says_which_copy_it_is()
    {
        var draft = Request("zone-2026", FormFixtures.Complete("zone-2026"));
        var submitted = draft with { IsDraft = false, Fingerprint = "3f2a9c1d0b7e4a55", SubmittedAt = new DateTimeOffset(2026, 7, 1, 2, 30, 0, TimeSpan.Zero) };

        Assert.Contains("草稿（未提交，内容仍可修改）", ApplicationPrint.BuildHtml(draft), StringComparison.Ordinal);
        Assert.Contains("提交于 2026年7月1日 10:30（北京时间） · 校验码 3f2a9c1d0b7e4a55", ApplicationPrint.BuildHtml(submitted), StringComparison.Ordinal);
    }

    public static TheoryData<string> Editions() => [.. FormFixtures.Editions];

    internal static PrintRequest Request(string edition, FormAnswers answers) => new()
    {
        Definition = FormEditionCatalogue.Default.Get(edition),
        RoundYear = FormFixtures.RoundYear(edition),
        Answers = answers,
        ApplicationNumber = "HZQ-2026-0001",
        OrganisationName = "佛山市工业和信息化局",
        IsDraft = true,
    };

    private static string Build(string edition, FormAnswers? answers = null) =>
        ApplicationPrint.BuildHtml(Request(edition, answers ?? FormFixtures.Complete(edition)));

    [GeneratedRegex("<style>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElements();
}
