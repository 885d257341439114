using System.Net;
using AngleSharp.Dom;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>The read-only application view, and the jurisdiction rule on every workspace route.</summary>
[Collection(PortalCollection.Name)]
public class WorkspaceApplicationTests(PortalHost host)
{
    [Fact]
    public async Task The_view_shows_the_submitted_answers_beside_their_assessment_in_Chinese()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=assessment");
        var content = await client.GetDocumentAsync($"/Review/Applications/{application.Id}");

        var foreignFirms = Requirement(page, "openness.foreignFirms");
        Assert.Equal("符合", foreignFirms.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("“拥有不少于10家外资或合资企业”", foreignFirms.TextContent, StringComparison.Ordinal);
        var figure = foreignFirms.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .First(cells => cells[0].StartsWith("合作区外资或合资企业数量（2025年）", StringComparison.Ordinal));
        Assert.Equal("2025年", figure[1]);
        Assert.Equal("12家", figure[2]);
        Assert.Equal("符合", Requirement(page, "gate.revenue").QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal("数据缺失", Requirement(page, "innovation.rdGrowth").QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal("需审核人判断", Requirement(page, "openness.regularExchange").QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("认定门槛：全部符合", page.QuerySelector(".assessment")!.TextContent, StringComparison.Ordinal);
        var zoneNames = content.QuerySelectorAll("table.table-form tr").Where(r => r.QuerySelector("th")!.TextContent.Trim() == "合作区名称").ToList();
        // The basic section's answer as submitted; the cover's own 合作区名称 was left blank in this submission and says so.
        Assert.Equal(new[] { "（未填写）", application.Title }.Order(), zoneNames.Select(r => r.QuerySelector("td")!.TextContent.Trim()).Order());
        Assert.Contains("第 1 次提交", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("内容与提交时一致", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Review/Applications/{application.Id}/Scoring']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Review/Applications/{application.Id}/SiteChecks']"));
    }

    [Fact]
    public async Task The_view_shows_the_audit_trail_newest_first_in_Beijing_time_with_actions_in_Chinese()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=history");

        var rows = page.QuerySelectorAll("table.audit-trail tbody tr").ToList();
        Assert.Equal(["Submitted", "ApplicationCreated"], rows.Select(r => r.GetAttribute("data-action")));
        var submitted = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.EndsWith("（北京时间）", submitted[0], StringComparison.Ordinal);
        Assert.Equal("系统", submitted[1]);
        Assert.Equal("提交", submitted[2]);
        Assert.Contains(application.Number, submitted[3], StringComparison.Ordinal);
        Assert.Equal("新建", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Null(page.QuerySelector("nav[aria-label=操作记录分页]"));
    }

    [Fact]
    public async Task An_application_without_a_submission_is_shown_without_answers_or_assessment()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round, reachedStage: 1);
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}");
        var assessment = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=assessment");
        var scoring = await client.GetDocumentAsync($"/Review/Applications/{application.Id}/Scoring");

        Assert.Contains("该申报尚无提交记录", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(assessment.QuerySelector(".assessment"));
        Assert.Null(scoring.QuerySelector("form.scoring-form"));
    }

    [Theory]
    [InlineData(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer)]
    [InlineData(OrganisationLevel.ProvincialUnit, "440300", Roles.Reviewer)]
    // Experts are refused the whole /Review area (AuthorizationMatrixTests, ExpertAccessTests).
    public async Task Anyone_outside_the_jurisdiction_gets_404_on_every_route(OrganisationLevel level, string region, string role)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using (var guangdong = await host.SignedInAsync(chain.Province))
        {
            using var saved = await guangdong.PostSiteCheckAsync(application.Id, SiteCheckFields(host), ("纪要.pdf", Pdf));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Guid attachmentId;
        await using (var db = host.NewDbContext())
        {
            attachmentId = db.SiteCheckAttachments.Single(a => db.SiteChecks.Any(c => c.Id == a.SiteCheckId && c.ApplicationId == application.Id)).Id;
        }
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(level, region, role));
        var token = await client.AntiforgeryTokenAsync();
        var root = $"/Review/Applications/{application.Id}";

        foreach (var url in new[] { root, $"{root}/Scoring", $"{root}/SiteChecks", $"{root}/SiteChecks/Attachments/{attachmentId}" })
        {
            using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} gave {(int)response.StatusCode}");
            Assert.DoesNotContain(application.Number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var url in new[] { $"{root}/Scoring", $"{root}/SiteChecks" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Version"] = "0", ["Points[openness]"] = "30",
                ["CheckedOn"] = "2026-01-01", ["People"] = "某人", ["Findings"] = "某事",
            });
            using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} gave {(int)response.StatusCode}");
        }
        await using var check = host.NewDbContext();
        Assert.Equal(1, check.SiteChecks.Count(c => c.ApplicationId == application.Id));
        Assert.False(check.StageReviews.Any(r => r.ApplicationId == application.Id));
    }

    internal static Dictionary<string, string> SiteCheckFields(PortalHost host) => new()
    {
        ["CheckedOn"] = Core.Campaigns.ChinaTime.ToChina(host.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["People"] = "省厅 张三、李四",
        ["Findings"] = "现场查看了园区入驻企业名录与外资企业营业执照，与申报数据一致。",
    };

    private static IElement Requirement(IDocument page, string key) =>
        page.QuerySelector($".assessment li[data-requirement='{key}']") ?? throw new InvalidOperationException($"No requirement {key} on the page.");
}
