using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Applications;

/// <summary>
/// The applicant's self-check (ADR 0089): each section page shows the summary and the requirements that read its
/// answers; the whole self-check, without points or reviewer-only items, has a page of its own; never blocking a save.
/// </summary>
[Collection(PortalCollection.Name)]
public class SelfCheckTests(PortalHost host, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>The hottest page (issue 13) no longer carries the whole self-check: its aside is a part of the page's.</summary>
    [Fact]
    public async Task The_service_section_page_carries_a_small_part_of_the_whole_self_check()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查大小合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);

        var sectionHtml = await client.Http.GetStringAsync(new Uri($"/Applications/{application.Id}/Sections/service", UriKind.Relative));
        var wholeHtml = await client.Http.GetStringAsync(new Uri($"/Applications/{application.Id}/SelfCheck", UriKind.Relative));
        var section = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/service");
        var whole = await client.GetDocumentAsync($"/Applications/{application.Id}/SelfCheck");

        int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
        var aside = Bytes(section.QuerySelector("aside.self-check")!.OuterHtml);
        var all = Bytes(whole.QuerySelector(".assessment")!.OuterHtml);
        output.WriteLine($"service section page {Bytes(sectionHtml)} bytes (self-check aside {aside}); self-check page {Bytes(wholeHtml)} bytes (assessment {all}).");
        var listed = section.QuerySelectorAll("aside.self-check li.requirement").Length;
        Assert.InRange(listed, 1, whole.QuerySelectorAll(".assessment li.requirement").Length / 3);
        Assert.True(aside * 3 < all, $"The section's aside ({aside} bytes) should be a small part of the whole self-check ({all} bytes).");
    }

    [Fact]
    public async Task The_openness_section_shows_the_summary_and_only_the_requirements_reading_its_answers()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查开放合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/openness");

        var panel = page.QuerySelector("aside.self-check details")!;
        Assert.NotNull(panel);
        Assert.Contains("认定门槛：", panel.TextContent, StringComparison.Ordinal);
        var foreignFirms = panel.QuerySelector("li[data-requirement='openness.foreignFirms']")!;
        Assert.Contains("不少于10家外资或合资企业", foreignFirms.TextContent, StringComparison.Ordinal);
        Assert.Equal("符合", foreignFirms.QuerySelector(".badge")!.TextContent.Trim());
        // Other sections' requirements are on the self-check page, one link away.
        Assert.Null(panel.QuerySelector("li[data-requirement='innovation.rdGrowth']"));
        Assert.Null(panel.QuerySelector("li[data-requirement='gate.noMajorIncident']"));
        Assert.All(panel.QuerySelectorAll("li.requirement"), li => Assert.StartsWith("openness.", li.GetAttribute("data-requirement"), StringComparison.Ordinal));
        AssertNoReviewerMatter(panel);
        AssertLinksToTheWholeSelfCheck(panel, application.Id);
    }

    [Theory]
    [InlineData("cover")]
    [InlineData("declaration")]
    public async Task A_section_the_criteria_do_not_read_shows_the_summary_and_the_link_only(string section)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查封面合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/{section}");

        var panel = page.QuerySelector("aside.self-check details")!;
        Assert.Contains("认定门槛：全部符合", panel.TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.QuerySelectorAll("li.requirement, section"));
        AssertLinksToTheWholeSelfCheck(panel, application.Id);
    }

    [Fact]
    public async Task The_self_check_page_shows_every_requirement_without_points_or_reviewer_items()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查全部合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/SelfCheck");

        Assert.Equal("自查：按认定标准预评估", page.QuerySelector("h1")!.TextContent.Trim());
        var crumbs = page.QuerySelectorAll("nav[aria-label='面包屑'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("我的申报", crumbs);
        Assert.Contains(crumbs, c => c.Contains("申报概览", StringComparison.Ordinal));
        Assert.Equal("自查", crumbs[^1]);
        var panel = page.QuerySelector(".assessment")!;
        var foreignFirms = panel.QuerySelector("li[data-requirement='openness.foreignFirms']")!;
        Assert.Equal("符合", foreignFirms.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal("数据缺失", panel.QuerySelector("li[data-requirement='innovation.rdGrowth'] .badge")!.TextContent.Trim());
        Assert.NotNull(panel.QuerySelector("li[data-requirement='gate.noMajorIncident']"));
        AssertNoReviewerMatter(panel);
        Assert.Contains("由审核单位判断", panel.TextContent, StringComparison.Ordinal);
        // Headings go down one level at a time: the page's h1, then one h2 per group of requirements.
        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => int.Parse(h.LocalName[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"Heading h{pair.Second} follows h{pair.First}."));
        Assert.True(levels.Count(l => l == 2) >= 3);
    }

    [Fact]
    public async Task The_self_check_page_of_another_organisation_s_application_is_not_found()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查他人合作区"));
        using var other = await host.SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.Prefecture, "510100", Roles.Applicant));
        using var owner = await host.SignedInAsync(chain.Applicant);

        using var refused = await other.Http.GetAsync(new Uri($"/Applications/{application.Id}/SelfCheck", UriKind.Relative));
        using var unknown = await owner.Http.GetAsync(new Uri($"/Applications/{Guid.NewGuid()}/SelfCheck", UriKind.Relative));
        using var shown = await owner.Http.GetAsync(new Uri($"/Applications/{application.Id}/SelfCheck", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [Fact]
    public async Task A_round_whose_criteria_cannot_assess_the_form_says_so_on_the_self_check_page()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查无标准合作区"));
        await using (var db = host.NewDbContext())
        {
            var round = await db.Campaigns.SingleAsync(c => c.Id == chain.Round.Id);
            round.CriteriaEditionKey = "no-such-criteria";
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/SelfCheck");
        var overview = await client.GetDocumentAsync($"/Applications/{application.Id}");

        Assert.Contains("暂不支持自查", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".assessment"));
        Assert.Null(overview.QuerySelector(".self-check-link"));
    }

    [Fact]
    public async Task The_overview_of_a_draft_links_to_the_self_check_with_its_counts_and_names_its_unit_and_round()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查概览合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);

        var overview = await client.GetDocumentAsync($"/Applications/{application.Id}");

        // The overview reads the draft as the section pages do, plus what its summary shows.
        var summary = overview.QuerySelector("main dl")!.TextContent;
        Assert.Contains(chain.ApplicantOrganisation.Name, summary, StringComparison.Ordinal);
        Assert.Contains(chain.Round.Name, summary, StringComparison.Ordinal);

        var link = overview.QuerySelector(".self-check-link")!;
        Assert.Equal($"/Applications/{application.Id}/SelfCheck", link.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("认定门槛：全部符合", link.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"共 \d+ 项要求：符合 \d+ 项", link.TextContent);
    }

    [Fact]
    public async Task A_failing_gate_shows_as_not_met_and_saving_still_works()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await DraftAsync(chain, WorkspaceTestData.ZoneAnswers("佛山自查合作区"));
        using var client = await host.SignedInAsync(chain.Applicant);
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
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Cluster);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/SelfCheck");

        var panel = page.QuerySelector(".assessment")!;
        Assert.Contains("中小企业特色产业集群认定标准", panel.TextContent, StringComparison.Ordinal);
        var badges = panel.QuerySelectorAll(".requirement .badge");
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains(b.TextContent.Trim(), new[] { "符合", "不符合", "数据缺失" }));
    }

    private static void AssertNoReviewerMatter(IElement panel)
    {
        Assert.DoesNotContain("满分", panel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("建议分", panel.TextContent, StringComparison.Ordinal);
        Assert.Null(panel.QuerySelector("li[data-outcome=ReviewerJudgement]"));
        Assert.Null(panel.QuerySelector("code"));
    }

    private static void AssertLinksToTheWholeSelfCheck(IElement panel, Guid applicationId)
    {
        var link = panel.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/Applications/{applicationId}/SelfCheck");
        Assert.Matches(@"^查看全部自查结果（共 \d+ 项）$", link.TextContent.Trim());
    }

    private async Task<Core.Applications.Application> DraftAsync(RoundChain chain, Dictionary<string, string> answers)
    {
        var draft = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
        application.Answers = answers;
        await db.SaveChangesAsync();
        return application;
    }
}
