using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The review pages ask one stage position: an action the position refuses, posted anyway (a page open in another tab,
/// a crafted form), is answered with the page and the reason in Chinese, never an error page, and nothing is saved.
/// </summary>
[Collection(PortalCollection.Name)]
public class StagePositionPageTests(PortalHost host)
{
    private const string WhileReturned = "已退回申报单位修改";

    public static TheoryData<string, string, Dictionary<string, string>> RefusedPosts => new()
    {
        { "评分", "Scoring", new() { ["Points[openness]"] = "18", ["Comments[openness]"] = "说明", ["Version"] = "0" } },
        { "实地抽查", "SiteChecks", new() { ["CheckedOn"] = "2026-01-05", ["People"] = "张三", ["Findings"] = "情况属实" } },
        { "退回修改", "Return", new() { ["General"] = "再次退回" } },
        { "推荐结论", "Decision", new() { ["Decision"] = "NotRecommend", ["Reason"] = "不符合条件", ["Version"] = "0" } },
        { "签发", "Decision?handler=SignOff", new() { ["Confirm"] = "true", ["Version"] = "0" } },
    };

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task An_action_posted_on_a_returned_application_is_refused_with_the_reason_and_saves_nothing(
        string action, string page, Dictionary<string, string> fields)
    {
        var application = await host.SubmittedZoneAsync();
        using var reviewer = await host.SignedInAsync("reviewer.guangdong");
        using (var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = "请核实数据。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }
        int auditBefore;
        await using (var db = host.NewDbContext())
        {
            auditBefore = await db.AuditEvents.CountAsync(e => e.EntityId == application.Id.ToString());
        }

        using var response = await reviewer.PostWithTokenAsync("/Review", $"/Review/Applications/{application.Id}/{page}", fields);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode}");
        var document = await PortalClient.ParseAsync(response);
        Assert.Contains(WhileReturned, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        Assert.Equal(ApplicationStatus.Returned, (await check.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id)).Status);
        Assert.False(await check.StageReviews.AnyAsync(r => r.ApplicationId == application.Id), $"{action} created a stage review");
        Assert.False(await check.SiteChecks.AnyAsync(c => c.ApplicationId == application.Id), $"{action} recorded a site check");
        Assert.Equal(auditBefore, await check.AuditEvents.CountAsync(e => e.EntityId == application.Id.ToString()));
    }

    [Fact]
    public async Task A_returned_application_offers_no_review_form_on_any_review_page()
    {
        var application = await host.SubmittedZoneAsync();
        using var reviewer = await host.SignedInAsync("reviewer.guangdong");
        using (var returned = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = "请核实数据。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        foreach (var page in new[] { "Scoring", "SiteChecks", "Return", "Decision" })
        {
            var document = await reviewer.GetDocumentAsync($"/Review/Applications/{application.Id}/{page}");
            Assert.Null(document.QuerySelector("main form[method=post]"));
            Assert.Contains(WhileReturned, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }
}
