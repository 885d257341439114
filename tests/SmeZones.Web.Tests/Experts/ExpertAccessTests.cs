using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Experts;

/// <summary>
/// Through HTTP: the ministry assigns experts on the group page (a conflicted one only with a reason), an expert
/// reaches only applications assigned to them, sees nothing of one before confirming no conflict, and scores it.
/// </summary>
[Collection(PortalCollection.Name)]
public class ExpertAccessTests(PortalHost host)
{
    /// <summary>A new 佛山 (广东) zone application of a round of its own, moved on to the ministry's stage.</summary>
    private async Task<Guid> AtMinistryAsync()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var title = WorkspaceTestData.UniqueTitle("专家评审合作区");
        return (await host.TestData.CreateAtMinistryAsync(chain.ApplicantOrganisation, chain.Round, WorkspaceTestData.ZoneAnswers(title), title)).Id;
    }

    private async Task<PortalClient> MinistryAsync() => await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

    private async Task<ExpertAssignment?> AssignmentAsync(Guid applicationId, Guid expertId)
    {
        await using var db = host.NewDbContext();
        return await db.ExpertAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.ExpertId == expertId);
    }

    private static Task<HttpResponseMessage> AssignAsync(PortalClient ministry, Guid id, Guid expertId, string reason = "") =>
        ministry.SubmitAsync($"/Ministry/Experts/Group/{id}",
            new Dictionary<string, string> { ["ExpertId"] = expertId.ToString(), ["Reason"] = reason }, "form[action*='handler=Assign']");

    [Fact]
    public async Task The_ministry_assigns_an_expert_of_the_applicants_province_only_with_a_reason()
    {
        var id = await AtMinistryAsync();
        var guangdongExpert = (await host.TestData.CreateExpertAsync("440000")).Id;
        using var ministry = await MinistryAsync();

        using var refused = await AssignAsync(ministry, id, guangdongExpert);
        var page = await PortalClient.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("同一省级单位", page.QuerySelector("#assign-Reason")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(await AssignmentAsync(id, guangdongExpert));

        using var assigned = await AssignAsync(ministry, id, guangdongExpert, "该领域专家不足，经局领导同意。");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal("该领域专家不足，经局领导同意。", (await AssignmentAsync(id, guangdongExpert))!.ConflictOverrideReason);
    }

    [Fact]
    public async Task An_expert_reaches_only_assigned_applications_and_sees_the_content_only_after_confirming()
    {
        var id = await AtMinistryAsync();
        var beijingExpert = await host.TestData.CreateExpertAsync("110000");
        var beijing = beijingExpert.Id;
        using (var ministry = await MinistryAsync())
        {
            using var assigned = await AssignAsync(ministry, id, beijing);
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }
        var assignment = (await AssignmentAsync(id, beijing))!;
        var task = $"/Experts/Review/{assignment.Id}";

        using var expert = await host.SignedInAsync(beijingExpert);
        var list = await expert.GetDocumentAsync("/Experts");
        Assert.Contains(list.QuerySelectorAll("a"), l => l.GetAttribute("href") == task);
        var before = await expert.GetDocumentAsync(task);
        Assert.NotNull(before.QuerySelector("form[action*='handler=Confirm']"));
        Assert.Null(before.QuerySelector("form[action*='handler=Submit']"));
        Assert.DoesNotContain("申报内容", before.Body!.TextContent, StringComparison.Ordinal);

        using (var confirmed = await expert.SubmitAsync(task, new Dictionary<string, string>(), "form[action*='handler=Confirm']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        var after = await expert.GetDocumentAsync(task);
        Assert.NotNull(after.QuerySelector("form[action*='handler=Submit']"));
        Assert.Equal(5, after.QuerySelectorAll("fieldset[data-dimension]").Length);
        Assert.Contains("本批次规定：提交本人评分表后方可查看其他专家的评分", after.Body!.TextContent, StringComparison.Ordinal);

        // Another expert: not in the list, the task and the application are not found, the reviewers' workspace is closed.
        using var other = await host.SignedInAsync(await host.TestData.CreateExpertAsync("510000"));
        Assert.DoesNotContain((await other.GetDocumentAsync("/Experts")).QuerySelectorAll("a"), l => l.GetAttribute("href") == task);
        using (var response = await other.Http.GetAsync(new Uri(task, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var response = await other.Http.GetAsync(new Uri($"/Review/Applications/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_expert_submits_a_sheet_with_a_comment_on_every_dimension_and_it_is_locked()
    {
        var id = await AtMinistryAsync();
        var beijingExpert = await host.TestData.CreateExpertAsync("110000");
        var beijing = beijingExpert.Id;
        using (var ministry = await MinistryAsync())
        {
            using var assigned = await AssignAsync(ministry, id, beijing);
        }
        var task = $"/Experts/Review/{(await AssignmentAsync(id, beijing))!.Id}";
        using var expert = await host.SignedInAsync(beijingExpert);
        using (await expert.SubmitAsync(task, new Dictionary<string, string>(), "form[action*='handler=Confirm']"))
        {
        }
        var points = new Dictionary<string, string>
        {
            ["Points[plan]"] = "12", ["Points[openness]"] = "24", ["Points[innovation]"] = "15", ["Points[quality]"] = "10", ["Points[service]"] = "15.5",
            ["Opinion"] = "规划清晰，开放合作基础较好。",
        };

        using var incomplete = await expert.SubmitAsync(task, points, "form[action*='handler=Submit']");
        var errors = await PortalClient.ParseAsync(incomplete);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var comments = errors.QuerySelectorAll("textarea[name^='Comments[']");
        Assert.Equal(5, comments.Length);
        Assert.All(comments, t => Assert.Contains("is-invalid", t.ClassName, StringComparison.Ordinal));
        Assert.Equal("15.5", errors.QuerySelector("input[name='Points[service]']")!.GetAttribute("value"));

        foreach (var key in new[] { "plan", "openness", "innovation", "quality", "service" })
        {
            points[$"Comments[{key}]"] = "依据申报材料评定。";
        }
        using var submitted = await expert.SubmitAsync(task, points, "form[action*='handler=Submit']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var locked = await expert.GetDocumentAsync(task);
        Assert.Null(locked.QuerySelector("form[action*='handler=Submit']"));
        var sheetText = locked.QuerySelector("#sheet-title")!.ParentElement!.TextContent;
        Assert.True(sheetText.Contains("总分 76.5 分", StringComparison.Ordinal), sheetText);
        var sheet = (await AssignmentAsync(id, beijing))!;
        Assert.NotNull(sheet.SubmittedAt);
        Assert.Equal(76.5m, sheet.Points.Values.Sum());
    }

    [Fact]
    public async Task A_sheet_of_a_bad_shape_is_refused_beside_its_fields_and_stays_open()
    {
        var id = await AtMinistryAsync();
        var expertUser = await host.TestData.CreateExpertAsync("110000");
        using (var ministry = await MinistryAsync())
        {
            using var assigned = await AssignAsync(ministry, id, expertUser.Id);
        }
        var task = $"/Experts/Review/{(await AssignmentAsync(id, expertUser.Id))!.Id}";
        using var expert = await host.SignedInAsync(expertUser);
        using (await expert.SubmitAsync(task, new Dictionary<string, string>(), "form[action*='handler=Confirm']"))
        {
        }
        var sheet = new Dictionary<string, string>
        {
            ["Points[plan]"] = "12", ["Points[openness]"] = "24.3", ["Points[innovation]"] = "15", ["Points[quality]"] = "10", ["Points[service]"] = "15.5",
            ["Opinion"] = new string('意', Core.Review.ScoringRules.MaxCommentLength + 1),
        };
        foreach (var key in new[] { "plan", "openness", "innovation", "quality", "service" })
        {
            sheet[$"Comments[{key}]"] = "依据申报材料评定。";
        }

        using var refused = await expert.SubmitAsync(task, sheet, "form[action*='handler=Submit']");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.EndsWith("须为 0.5 分的整数倍（如 12 或 12.5）", page.GetElementById("f-Points-openness--error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("评审意见不能超过", page.GetElementById("f-Opinion-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("24.3", page.QuerySelector("input[name='Points[openness]']")!.GetAttribute("value"));
        Assert.Null((await AssignmentAsync(id, expertUser.Id))!.SubmittedAt);

        sheet["Points[openness]"] = "24.5";
        sheet["Opinion"] = "规划清晰。";
        using var submitted = await expert.SubmitAsync(task, sheet, "form[action*='handler=Submit']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.NotNull((await AssignmentAsync(id, expertUser.Id))!.SubmittedAt);
    }
}
