using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Applications;

/// <summary>The applicant's self-check on the section pages: the draft's assessment, without points, never blocking a save.</summary>
[Collection(PortalCollection.Name)]
public class SelfCheckTests(PortalHost host)
{
    [Fact]
    public async Task Every_section_page_shows_the_draft_s_assessment_without_points_or_reviewer_items()
    {
        var application = await DraftAsync(WorkspaceTestData.ZoneAnswers("佛山自查合作区"));
        using var client = await host.SignedInAsync("applicant.foshan");

        foreach (var section in new[] { "cover", "basic", "openness", "declaration" })
        {
            var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/{section}");

            var panel = page.QuerySelector("aside.self-check details")!;
            Assert.NotNull(panel);
            var foreignFirms = panel.QuerySelector("li[data-requirement='openness.foreignFirms']")!;
            Assert.Contains("不少于10家外资或合资企业", foreignFirms.TextContent, StringComparison.Ordinal);
            Assert.Equal("符合", foreignFirms.QuerySelector(".badge")!.TextContent.Trim());
            Assert.Equal("数据缺失", panel.QuerySelector("li[data-requirement='innovation.rdGrowth'] .badge")!.TextContent.Trim());
            Assert.DoesNotContain("满分", panel.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("建议分", panel.TextContent, StringComparison.Ordinal);
            Assert.Null(panel.QuerySelector("li[data-outcome=ReviewerJudgement]"));
            Assert.Null(panel.QuerySelector("code"));
            Assert.Contains("由审核单位判断", panel.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failing_gate_shows_as_not_met_and_saving_still_works()
    {
        var application = await DraftAsync(WorkspaceTestData.ZoneAnswers("佛山自查合作区"));
        using var client = await host.SignedInAsync("applicant.foshan");
        var url = $"/Applications/{application.Id}/Sections/basic";

        using var response = await client.SubmitAsync(url, new Dictionary<string, string> { ["basic.majorIncident"] = "yes" }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(url);
        var panel = page.QuerySelector("aside.self-check")!;
        Assert.Equal("不符合", panel.QuerySelector("li[data-requirement='gate.noMajorIncident'] .badge")!.TextContent.Trim());
        Assert.Contains("认定门槛：未全部符合", panel.TextContent, StringComparison.Ordinal);
        // The panel is outside the section form: it adds nothing to what a save posts.
        Assert.Empty(page.QuerySelectorAll("form.section-form aside, form.section-form .assessment"));
    }

    [Fact]
    public async Task A_cluster_draft_gets_its_own_criteria()
    {
        var application = await host.ApplicationAsync(WorkspaceTestData.Nanhai, WorkspaceTestData.Cluster);
        using var client = await host.SignedInAsync("applicant.nanhai");

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/cover");

        var panel = page.QuerySelector("aside.self-check")!;
        Assert.Contains("中小企业特色产业集群认定标准", panel.TextContent, StringComparison.Ordinal);
        var badges = panel.QuerySelectorAll(".requirement .badge");
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains(b.TextContent.Trim(), new[] { "符合", "不符合", "数据缺失" }));
    }

    private async Task<Core.Applications.Application> DraftAsync(Dictionary<string, string> answers)
    {
        var draft = await host.ApplicationAsync(WorkspaceTestData.Foshan, WorkspaceTestData.Zone);
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
        application.Answers = answers;
        await db.SaveChangesAsync();
        return application;
    }
}
