using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Review;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>The review workflow through its pages: return, the applicant's view of it, decision, sign-off, changes, access.</summary>
[Collection(PortalCollection.Name)]
public class WorkflowPageTests(PortalHost host)
{
    [Fact]
    public async Task Guangdong_returns_a_foshan_application_and_foshan_reads_the_comments_and_can_edit()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await SignedInAsync(chain.Province);

        using var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return", new Dictionary<string, string>
        {
            ["Comments[basic]"] = "营业总收入与统计公报不一致，请核实。",
            ["General"] = "请补充近三年数据来源。",
        });

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        using var applicant = await SignedInAsync(chain.Applicant);
        var detail = await applicant.GetDocumentAsync($"/Applications/{application.Id}");
        var block = detail.GetElementById("revision-comments");
        Assert.NotNull(block);
        Assert.Contains("营业总收入与统计公报不一致，请核实。", block.TextContent, StringComparison.Ordinal);
        Assert.Contains("请补充近三年数据来源。", block.TextContent, StringComparison.Ordinal);
        Assert.NotNull(block.QuerySelector($"a[href='/Applications/{application.Id}/Sections/basic']"));
        Assert.Contains("退回修改", detail.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        // The section page reads the round without its stages; its notice still names who returned it, at which stage.
        await using (var read = host.NewDbContext())
        {
            var request = await read.RevisionRequests.AsNoTracking().SingleAsync(r => r.ApplicationId == application.Id);
            var stage = await read.ReviewStages.AsNoTracking().SingleAsync(s => s.CampaignId == chain.Round.Id && s.Order == request.StageOrder);
            var onSection = (await applicant.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic")).GetElementById("revision-comments")!;
            Assert.Contains($"{chain.ProvinceOrganisation.Name}（{stage.Name}）", onSection.TextContent, StringComparison.Ordinal);
            Assert.Contains("营业总收入与统计公报不一致，请核实。", onSection.TextContent, StringComparison.Ordinal);
        }

        using var saved = await applicant.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "佛山中德合作区（修改后）" }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewDbContext();
        var after = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
        Assert.Equal((ApplicationStatus.Returned, "佛山中德合作区（修改后）"), (after.Status, after.Answers["basic.zoneName"]));
    }

    [Fact]
    public async Task A_return_without_any_comment_is_refused_with_the_message_next_to_the_general_comment()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await SignedInAsync(chain.Province);

        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["Comments[basic]"] = "   ", ["General"] = "" });

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("至少填写一条", page.GetElementById("f-General-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-General']"));
        Assert.NotNull(page.QuerySelector("label[for='f-General']"));
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(application.Id));
    }

    [Theory]
    [InlineData("Return")]
    [InlineData("Decision")]
    [InlineData("Changes")]
    public async Task A_reviewer_of_another_province_gets_404(string page)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var sichuan = await SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));

        using var get = await sichuan.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}/{page}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        if (page != "Changes")
        {
            using var post = await sichuan.PostWithTokenAsync("/Review", $"/Review/Applications/{application.Id}/{page}", new Dictionary<string, string>
            {
                ["General"] = "越权退回",
                ["Decision"] = "NotRecommend",
                ["Reason"] = "越权",
            });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(application.Id));
    }

    [Fact]
    public async Task Not_recommending_without_a_reason_shows_the_message_next_to_the_reason()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await SignedInAsync(chain.Province);

        using var response = await reviewer.SubmitAsync(DecisionUrl(application), new Dictionary<string, string>
        {
            ["Decision"] = "NotRecommend",
            ["Reason"] = "",
            ["Opinion"] = "",
        }, "form#decision-form");

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不予推荐必须填写理由", page.GetElementById("f-Reason-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("f-Reason-error", page.GetElementById("f-Reason")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-Reason']"));
        Assert.NotNull(page.QuerySelector("#f-Decision-not[checked]"));
        await using var db = host.NewDbContext();
        Assert.False(await db.StageReviews.AnyAsync(r => r.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Sign_off_locks_the_decision_a_later_post_is_refused_and_the_applicant_reads_the_reason()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var reviewer = await SignedInAsync(chain.Province);
        var first = await reviewer.GetDocumentAsync(DecisionUrl(application));
        Assert.Matches(@"^已推荐 \d+ / 名额 2$", first.GetElementById("quota")!.TextContent);
        Assert.Null(first.GetElementById("signoff-form")); // nothing to sign before a decision is saved

        using var decided = await reviewer.SubmitAsync(DecisionUrl(application), new Dictionary<string, string>
        {
            ["Decision"] = "NotRecommend",
            ["Reason"] = "外资或合资企业不足10家。",
        }, "form#decision-form");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        using var unconfirmed = await reviewer.SubmitAsync(DecisionUrl(application), new Dictionary<string, string>(), "form#signoff-form");
        var unconfirmedPage = await PortalClient.ParseAsync(unconfirmed);
        Assert.Contains("请勾选确认", unconfirmedPage.GetElementById("f-Confirm-error")?.TextContent ?? "", StringComparison.Ordinal);
        using var signed = await reviewer.SubmitAsync(DecisionUrl(application),
            new Dictionary<string, string> { ["Confirm"] = "true" }, "form#signoff-form");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);

        var review = await ReviewAsync(application.Id);
        using var later = await reviewer.PostWithTokenAsync(DecisionUrl(application), DecisionUrl(application), new Dictionary<string, string>
        {
            ["Decision"] = "Recommend",
            ["Opinion"] = "改为推荐。",
            ["Version"] = review.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var page = await PortalClient.ParseAsync(later);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Contains("签发，不能再修改", page.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(page.GetElementById("decision-form"));
        Assert.Contains("外资或合资企业不足10家。", page.QuerySelector("main section")!.TextContent, StringComparison.Ordinal);
        var after = await ReviewAsync(application.Id);
        Assert.Equal((ReviewDecision.NotRecommend, review.Version), (after.Decision, after.Version));
        Assert.Equal(ApplicationStatus.NotRecommended, await StatusAsync(application.Id));

        using var applicant = await SignedInAsync(chain.Applicant);
        var detail = await applicant.GetDocumentAsync($"/Applications/{application.Id}");
        Assert.Contains("外资或合资企业不足10家。", detail.GetElementById("not-recommended")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_page_lists_what_the_resubmission_changed_field_by_field_or_says_there_is_nothing()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain, new Dictionary<string, string> { ["basic.zoneName"] = "甲合作区", ["revenue.total.y3"] = "120" });
        using var reviewer = await SignedInAsync(chain.Province);
        var changesUrl = $"/Review/Applications/{application.Id}/Changes";
        Assert.Contains("只提交过一次", (await reviewer.GetDocumentAsync(changesUrl)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await ReturnAsync(reviewer, application);
        await host.ResubmitAsync(application.Id, new Dictionary<string, string> { ["revenue.total.y3"] = "118.5" });
        var changes = await reviewer.GetDocumentAsync(changesUrl);

        var row = Assert.Single(changes.QuerySelectorAll("table.changes tbody tr"));
        Assert.Contains("营业总收入", row.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["120 亿元", "118.5 亿元"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(application.Id));

        await ReturnAsync(reviewer, application);
        await host.ResubmitAsync(application.Id, new Dictionary<string, string>());
        var unchanged = await reviewer.GetDocumentAsync(changesUrl);
        var explicitPair = await reviewer.GetDocumentAsync(changesUrl + "?from=1&to=3");

        Assert.NotNull(unchanged.GetElementById("no-changes"));
        Assert.Contains("第 2 次提交", unchanged.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(explicitPair.QuerySelectorAll("table.changes tbody tr"));
    }

    private static string DecisionUrl(Application application) => $"/Review/Applications/{application.Id}/Decision";

    private static async Task ReturnAsync(PortalClient reviewer, Application application)
    {
        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = "请核实数据。" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            (await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent);
    }

    private Task<PortalClient> SignedInAsync(PortalUser user) => host.SignedInAsync(user);

    private async Task<ApplicationStatus> StatusAsync(Guid id)
    {
        await using var db = host.NewDbContext();
        return (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).Status;
    }

    private async Task<StageReview> ReviewAsync(Guid id)
    {
        await using var db = host.NewDbContext();
        return await db.StageReviews.AsNoTracking().SingleAsync(r => r.ApplicationId == id && r.StageOrder == 1);
    }
}
