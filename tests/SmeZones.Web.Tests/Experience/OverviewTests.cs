using System.Net;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 items 3 and 6: progress that says what is left, and only the actions the status allows.</summary>
[Collection(PortalCollection.Name)]
public class OverviewTests(PortalHost host)
{
    [Fact]
    public async Task An_empty_draft_says_what_is_left_per_section_and_overall_counting_evidence_and_the_summary_lines()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var overview = await client.GetDocumentAsync($"/Applications/{application.Id}");

        var badges = overview.QuerySelectorAll("nav[aria-label='申报表各部分'] .badge").Select(b => b.TextContent.Trim()).ToList();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Matches(@"^(还差 \d+ 项|已完成|选填，未填写)$", b));
        Assert.Contains(badges, b => b.StartsWith("还差 ", StringComparison.Ordinal));
        var bar = overview.QuerySelector("[role=progressbar]")!;
        // Sections that require nothing count as done even when empty; nothing else is.
        Assert.InRange(int.Parse(bar.GetAttribute("aria-valuenow")!, System.Globalization.CultureInfo.InvariantCulture), 0, 10);
        var text = overview.GetElementById("overall-progress-text")!.TextContent;
        Assert.Contains("佐证材料已上传 0 / 15", text, StringComparison.Ordinal);
        Assert.Contains("推荐汇总表信息已保存 0 / 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_draft_shows_every_section_done_and_a_full_bar()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var overview = await client.GetDocumentAsync($"/Applications/{application.Id}");

        Assert.All(overview.QuerySelectorAll("nav[aria-label='申报表各部分'] .badge"), b => Assert.Equal("已完成", b.TextContent.Trim()));
        Assert.Equal("100", overview.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.StartsWith("已全部完成", overview.GetElementById("overall-progress-text")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_untouched_section_that_requires_nothing_is_neutral_not_done()
    {
        var untouched = new SectionProgress("x", "三、可选部分", SectionState.Done, 0, AnsweredCount: 0);
        var answered = untouched with { AnsweredCount = 2 };

        Assert.Equal("选填，未填写", untouched.StateText);
        Assert.True(untouched.IsUntouchedOptional);
        Assert.Equal("已完成", answered.StateText);
        Assert.Equal("还差 7 项", (untouched with { State = SectionState.NotDone, MissingCount = 7 }).StateText);
    }

    [Fact]
    public async Task A_submitted_application_offers_no_upload_submit_or_import_and_a_returned_one_leads_the_home_page()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var applicant = await host.SignedInAsync(chain.Applicant);

        var submitted = await applicant.GetDocumentAsync($"/Applications/{application.Id}");
        var main = submitted.QuerySelector("main")!;
        Assert.Null(main.QuerySelector($"a[href='/Applications/{application.Id}/Submit']"));
        Assert.Null(main.QuerySelector($"a[href='/Applications/{application.Id}/Import']"));
        Assert.DoesNotContain("上传佐证材料", main.TextContent, StringComparison.Ordinal);
        Assert.Equal("查看佐证材料", main.QuerySelector($"a[href='/Applications/{application.Id}/Evidence']")!.TextContent.Trim());
        Assert.Null(main.QuerySelector("[role=progressbar]"));

        using (var reviewer = await host.SignedInAsync(chain.Province))
        {
            using var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return", new Dictionary<string, string>
            {
                ["Comments[basic]"] = "请核实营业总收入。", ["General"] = "请补充数据来源。",
            });
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var home = await applicant.GetDocumentAsync("/");
        var first = home.QuerySelector("main section")!;
        Assert.Contains("退回修改", first.TextContent, StringComparison.Ordinal);
        Assert.Contains(application.Number, first.TextContent, StringComparison.Ordinal);
        Assert.Contains("请补充数据来源。", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("请核实营业总收入。", first.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector($"a[href='/Applications/{application.Id}/Sections/basic']"));
        var again = await applicant.GetDocumentAsync($"/Applications/{application.Id}");
        Assert.NotNull(again.QuerySelector($"main a[href='/Applications/{application.Id}/Submit']"));
    }
}
