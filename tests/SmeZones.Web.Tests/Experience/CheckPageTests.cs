using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 2: the check-and-submit page summarises, links every problem to its field, and submits last.</summary>
[Collection(PortalCollection.Name)]
public class CheckPageTests(PortalHost host)
{
    public static TheoryData<Programme> Programmes => [Programme.Zone, Programme.Cluster, Programme.ClusterReview];

    [Theory]
    [MemberData(nameof(Programmes))]
    public async Task Every_problem_of_an_empty_draft_links_to_an_element_with_that_id_on_its_page(Programme programme)
    {
        var chain = await host.TestData.CreateRoundChainAsync(programme);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var check = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");

        var links = check.QuerySelectorAll("section[aria-labelledby=problems-title] li a").Cast<IElement>().ToList();
        Assert.NotEmpty(links);
        var pages = new Dictionary<string, IDocument>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            Assert.True(hash > 0, $"No #field-id in {href} ({link.TextContent})");
            var (path, id) = (href[..hash], href[(hash + 1)..]);
            if (!pages.TryGetValue(path, out var page))
            {
                pages[path] = page = await client.GetDocumentAsync(path);
            }
            if (page.GetElementById(id) is null)
            {
                missing.Add($"{path}#{id} ({link.TextContent.Trim()})");
            }
        }
        Assert.True(missing.Count == 0, "Links to no element: " + string.Join(" | ", missing));
    }

    [Fact]
    public async Task The_summary_counts_what_is_left_and_the_unsaved_intro_is_marked_a_draft()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var check = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");

        var headline = check.QuerySelector("#check-summary p")!.TextContent.Trim();
        var problems = check.QuerySelectorAll("section[aria-labelledby=problems-title] li").Length;
        var evidence = check.QuerySelectorAll("section[aria-labelledby=problems-title] li a[href*='/Evidence#']").Length;
        Assert.Equal(15, evidence);
        Assert.Equal($"还差 {problems - evidence} 项，{evidence} 个佐证材料未上传", headline);
        // The 汇总表 lines are among the problems, and the composed 简介 is plainly not saved.
        Assert.NotNull(check.QuerySelector("section[aria-labelledby=problems-title] a[href$='/Summary#f-Form-Partners']"));
        Assert.NotNull(check.QuerySelector("section[aria-labelledby=problems-title] a[href$='/Summary#f-Form-Intro']"));
        Assert.Contains("草稿，尚未保存", check.QuerySelector("section[aria-labelledby=check-summary-lines]")!.TextContent, StringComparison.Ordinal);
        var summary = await client.GetDocumentAsync($"/Applications/{application.Id}/Summary");
        Assert.StartsWith("草稿，尚未保存", summary.GetElementById("intro-draft")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_application_without_its_summary_lines_is_refused_and_with_them_the_submit_button_comes_last()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        await using (var db = host.NewDbContext())
        {
            var draft = await db.Applications.SingleAsync(a => a.Id == application.Id);
            draft.SummaryIntro = null;
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(chain.Applicant);

        var refused = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");
        Assert.Equal("还差 1 项，佐证材料已齐全", refused.QuerySelector("#check-summary p")!.TextContent.Trim());
        Assert.Null(refused.QuerySelector("main form[method=post] button"));

        using (await client.SubmitAsync($"/Applications/{application.Id}/Summary",
                   new Dictionary<string, string> { ["Form.Partners"] = "德国", ["Form.Intro"] = "核对后保存的简介。" }, "main form[method=post]"))
        {
        }
        var ready = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");
        var button = ready.QuerySelector("main form[method=post] button[type=submit]")!;
        Assert.Equal("确认提交", button.TextContent.Trim());
        // After everything it asks the officer to check: nothing of the check follows the button.
        var main = ready.QuerySelector("main")!;
        var all = main.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(all.Skip(all.IndexOf(button) + 1), e => e.LocalName is "details" or "table" or "section");
        Assert.Null((await client.GetDocumentAsync($"/Applications/{application.Id}/Summary")).GetElementById("intro-draft"));
        Assert.Contains("核对后保存的简介。", ready.QuerySelector("section[aria-labelledby=check-summary-lines]")!.TextContent, StringComparison.Ordinal);
    }
}
