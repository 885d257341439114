using Microsoft.Playwright;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.TestSupport;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public class ClusterDraftJourneyTests(BrowserPortal portal)
{
    private const string Round = "2024年度中小企业特色产业集群推荐";

    // Texts, a number, a choice of three, yes/no answered "no", and 不适用.
    private static readonly string[] BasicKeys =
        ["basic.clusterName", "basic.authorityContactPhone", "basic.area", "basic.industryType", "basic.prohibitedIndustry", "basic.waterEfficiency"];

    // A yearly number, a single number, a long text, a ticked and an unticked box.
    private static readonly string[] IndustryKeys =
        ["industry.output.y1", "industry.output.y2", "industry.output.y3", "industry.leadingGrowthAvg", "industry.chainSituation",
            "industry.chainWork.academia", "industry.chainWork.supplyRisk"];

    [Fact]
    public async Task Part_of_a_cluster_draft_is_saved_and_shown_again_after_signing_out_and_in()
    {
        var answers = FormFixtures.Complete("cluster-2024");
        Assert.Equal("no", answers.Get("basic.prohibitedIndustry"));
        Assert.Equal("false", answers.Get("industry.chainWork.supplyRisk"));
        var page = await portal.NewPageAsync();
        try
        {
            await SignInAsync(page, "applicant.nanhai");
            var (_, number) = await StartApplicationAsync(page, Round);

            await OpenSectionAsync(page, "basic");
            await FillSectionAsync(page, answers, BasicKeys);
            await SaveAsync(page, "保存", "Saving part of basic");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync($"已保存（{BasicKeys.Length} 项）。");

            await OpenSectionAsync(page, "industry");
            await FillSectionAsync(page, answers, IndustryKeys);
            await SaveAsync(page, "保存", "Saving part of industry");
            // An unticked box is no answer, so it is not a change.
            await Assertions.Expect(Notice(page)).ToHaveTextAsync($"已保存（{IndustryKeys.Length - 1} 项）。");

            await SignOutAsync(page);
            await SignInAsync(page, "applicant.nanhai");
            await OpenMyApplicationsAsync(page);
            var row = page.Locator("main table tbody tr").Filter(new() { HasText = number });
            await Assertions.Expect(row).ToContainTextAsync(answers.Get("basic.clusterName")!);
            await Assertions.Expect(row).ToContainTextAsync("草稿");
            await ClickAndWaitAsync(page, row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }));
            await Assertions.Expect(Overview(page, "申报编号")).ToHaveTextAsync(number);

            await OpenSectionAsync(page, "basic");
            await AssertSectionShowsAsync(page, answers, BasicKeys);
            await Assertions.Expect(page.GetByLabel("集群运营管理机构", new() { Exact = true })).ToHaveValueAsync("");
            await ScreenshotAsync(page, "cluster-basic");

            await OpenSectionAsync(page, "industry");
            await AssertSectionShowsAsync(page, answers, IndustryKeys);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
    [Fact]
    public async Task Typing_in_a_section_then_choosing_another_in_the_list_saves_first_and_other_links_ask_before_leaving()
    {
        var page = await portal.NewPageAsync();
        try
        {
            await SignInAsync(page, "applicant.nanhai");
            await StartApplicationAsync(page, Round);
            await OpenSectionAsync(page, "basic");

            // Well within the 30 s autosave: only leaving can save this.
            await page.Locator("input[name='basic.clusterName']").FillAsync("离开前保存的集群");
            await OpenSectionAsync(page, "industry");
            await OpenSectionAsync(page, "basic");
            await Assertions.Expect(page.Locator("input[name='basic.clusterName']")).ToHaveValueAsync("离开前保存的集群");

            // Any other way out (here the breadcrumb) while an edit is unsaved: the browser's leave-page prompt.
            await page.Locator("input[name='basic.clusterName']").ClearAsync();
            await page.Locator("input[name='basic.clusterName']").PressSequentiallyAsync("尚未保存的集群");
            var prompted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            page.Dialog += (_, dialog) =>
            {
                prompted.TrySetResult(dialog.Type);
                _ = dialog.DismissAsync();
            };
            await page.Locator("nav[aria-label=面包屑] a").Last.ClickAsync();
            Assert.Equal("beforeunload", await prompted.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Sections/basic$"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
