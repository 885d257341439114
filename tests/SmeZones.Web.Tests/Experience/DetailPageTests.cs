using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Ministry;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Experience;

/// <summary>
/// Issue 8 items 12 and 13 (audit part): the reviewer's application page comes in parts reached by links (no
/// JavaScript needed), speaks only in the form's labels and years, and pages its history with section headings.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class DetailPageTests(PortalHost host)
{
    private static readonly (string Key, string Title)[] Parts =
        [("content", "申报内容"), ("assessment", "评估"), ("evidence", "佐证材料"), ("site-checks", "实地抽查"), ("history", "记录")];

    /// <summary>An answer key as the forms spell them: "basic.majorIncident", "revenue.total.y3".</summary>
    [GeneratedRegex(@"[a-z]+\.[a-zA-Z]+(\.y\d)?")]
    private static partial Regex AnswerKey();

    [Theory]
    [InlineData(Programme.Zone)]
    [InlineData(Programme.Cluster)]
    [InlineData(Programme.ClusterReview)]
    public async Task No_part_of_the_page_shows_an_answer_key_for_any_programme(Programme programme)
    {
        var chain = await host.TestData.CreateRoundChainAsync(programme);
        var application = await host.TestData.CreateCompleteSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Prefecture ?? chain.Province);

        foreach (var (key, title) in Parts)
        {
            var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab={key}");

            Assert.Equal(title, page.QuerySelector("#part-title")!.TextContent.Trim());
            var text = ReadableText(page);
            var leaked = AnswerKey().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(leaked.Count == 0, $"{programme} {key}: answer keys shown: {string.Join(", ", leaked)}");
        }
        var assessment = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=assessment");
        Assert.NotEmpty(assessment.QuerySelectorAll(".assessment .requirement"));
        var evidence = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=evidence");
        // Every file is filed under its slot's title from the form, none under the fallback for a slot the form lacks.
        var slots = evidence.QuerySelectorAll("td.evidence-slot").Select(c => c.TextContent.Trim()).ToList();
        Assert.NotEmpty(slots);
        Assert.DoesNotContain("其他佐证材料", slots);
    }

    [Fact]
    public async Task The_parts_are_links_that_work_without_javascript_and_mark_the_part_shown()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateCompleteSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Province);

        var first = await client.GetDocumentAsync($"/Review/Applications/{application.Id}");

        var links = first.QuerySelectorAll("nav#detail-parts a").ToList();
        Assert.Equal(Parts.Select(p => p.Title), links.Select(l => l.TextContent.Trim()));
        Assert.Equal("申报内容", Assert.Single(links, l => l.GetAttribute("aria-current") == "page").TextContent.Trim());
        Assert.Equal("申报内容", first.QuerySelector("#part-title")!.TextContent.Trim());
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            Assert.EndsWith("#detail-parts", href, StringComparison.Ordinal);
            var part = await client.GetDocumentAsync(href[..href.IndexOf('#', StringComparison.Ordinal)]);
            var title = link.TextContent.Trim();
            Assert.Equal(title, part.QuerySelector("#part-title")!.TextContent.Trim());
            Assert.Equal(title, part.QuerySelector("nav#detail-parts a[aria-current=page]")!.TextContent.Trim());
            Assert.Contains(title, part.Title, StringComparison.Ordinal);
        }
        // The content part links to each section of the form on the same page.
        var sections = first.QuerySelectorAll("main nav[aria-label=申报表各部分] a").ToList();
        Assert.Contains(sections, a => a.TextContent.Trim() == "封面");
        Assert.All(sections, a => Assert.NotNull(first.GetElementById(a.GetAttribute("href")!.TrimStart('#'))));
        // An unknown part shows the first, not an error.
        var unknown = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=%3Cscript%3E");
        Assert.Equal("申报内容", unknown.QuerySelector("#part-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_history_is_paged_newest_first_with_section_headings_instead_of_keys()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationSavedManyTimesAsync(chain.ApplicantOrganisation, chain.Round, saves: 24);
        using var client = await host.SignedInAsync(chain.Province);

        var first = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=history");

        var rows = first.QuerySelectorAll("table.audit-trail tbody tr").ToList();
        Assert.Equal(InboxHistory.PageSize, rows.Count);
        Assert.All(rows, r => Assert.Equal("AnswersSaved", r.GetAttribute("data-action")));
        Assert.All(rows, r => Assert.Equal("保存 封面：1 项", r.QuerySelectorAll("td")[3].TextContent.Trim()));
        Assert.DoesNotContain("cover", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("共 25 条记录", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var pages = first.QuerySelector("nav[aria-label=操作记录分页]")!;
        Assert.Equal("1", pages.QuerySelector("a[aria-current=page]")!.TextContent.Trim());
        var next = pages.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var second = await client.GetDocumentAsync(next[..next.IndexOf('#', StringComparison.Ordinal)]);

        var older = second.QuerySelectorAll("table.audit-trail tbody tr").ToList();
        Assert.Equal(5, older.Count);
        Assert.Equal("ApplicationCreated", older[^1].GetAttribute("data-action"));
        Assert.Equal("新建", older[^1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Equal("2", second.QuerySelector("nav[aria-label=操作记录分页] a[aria-current=page]")!.TextContent.Trim());
        Assert.Equal("history", second.QuerySelector("nav#detail-parts a[aria-current=page]")!.GetAttribute("data-tab"));
        // A page beyond the last shows the last, not an empty table or an error.
        var beyond = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=history&p=99");
        Assert.Equal(5, beyond.QuerySelectorAll("table.audit-trail tbody tr").Length);
        // The stored rows are untouched: the key is resolved only when shown.
        await using var db = host.NewDbContext();
        Assert.Equal(24, db.AuditEvents.Count(e => e.EntityId == application.Id.ToString() && e.Summary == "保存 cover：1 项"));
    }

    [Fact]
    public async Task The_ministrys_page_links_to_each_of_its_parts_and_names_evidence_by_the_forms_title()
    {
        var round = await host.NationalRoundAsync();
        var application = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, null,
            ("1", WorkspaceTestData.Pdf));
        using var client = await host.SignedInAsync(round.Ministry);

        var page = await client.GetDocumentAsync($"/Ministry/Applications/{application.Id}");

        var anchors = page.QuerySelectorAll("main nav[aria-label=本页各部分] a").ToList();
        Assert.Equal(["审核意见", "评估", "佐证材料", "实地抽查", "申报内容", "记录"], anchors.Select(a => a.TextContent.Trim()));
        foreach (var anchor in anchors.Take(4))
        {
            var target = page.GetElementById(anchor.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(target);
            Assert.Contains(anchor.TextContent.Trim(), target.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal($"/Review/Applications/{application.Id}?tab=history", anchors[^1].GetAttribute("href"));
        Assert.StartsWith("佐证材料 1：", page.QuerySelector(".evidence-list li")!.TextContent.Trim(), StringComparison.Ordinal);
        var leaked = AnswerKey().Matches(ReadableText(page)).Select(m => m.Value).Distinct().ToList();
        Assert.True(leaked.Count == 0, "answer keys shown: " + string.Join(", ", leaked));
    }

    /// <summary>The text of the page's main part, without the file names applicants gave their uploads (their own words).</summary>
    private static string ReadableText(IDocument page)
    {
        var main = (IElement)page.QuerySelector("main")!.Clone();
        foreach (var download in main.QuerySelectorAll("a[download]").ToList())
        {
            download.Remove();
        }
        return main.TextContent;
    }
}
