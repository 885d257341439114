using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Assessment;
using SmeZones.Core.Review;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>Scoring through the app: points or judgements saved in the stage review, refused with messages next to the field.</summary>
[Collection(PortalCollection.Name)]
public class WorkspaceScoringTests(PortalHost host)
{
    /// <summary>The stage position's refusal once the stage's review is signed off (it names when and by whom).</summary>
    private const string SignedOff = "签发，不能再修改。";

    [Fact]
    public async Task Points_are_saved_in_the_stage_review_and_the_total_and_pass_are_shown()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

        using var first = await PostAsync(client, application.Id, Full(), Explained());
        using var second = await PostAsync(client, application.Id, new Dictionary<string, string>(Full()) { ["Points[openness]"] = "17.5" }, Explained());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = await client.GetDocumentAsync(Url(application.Id));
        Assert.Equal("已保存的评分：总分 87.5 分，未达到认定要求", page.QuerySelector(".scoring-result h2")!.TextContent.Trim());
        Assert.Contains("“具有较高开放合作水平” 17.5 分，未达到18分", page.QuerySelector(".scoring-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("17.5", page.GetElementById("f-Points-openness-")!.GetAttribute("value"));
        await using var db = host.NewDbContext();
        var review = await db.StageReviews.SingleAsync(r => r.ApplicationId == application.Id);
        var guangdong = chain.ProvinceOrganisation;
        Assert.Equal((1, guangdong.Id), (review.StageOrder, review.OrganisationId));
        Assert.Equal(87.5m, review.Points.Values.Sum());
        Assert.Equal("按实地抽查情况评定", review.Comments[ZoneScore.Plan]);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityId == application.Id.ToString() && e.Action == "ScoresSaved"));
    }

    [Fact]
    public async Task Bad_points_get_messages_next_to_their_fields_nothing_is_saved_and_the_input_stays()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        var points = new Dictionary<string, string>(Full())
        {
            ["Points[plan]"] = "14.3",
            ["Points[openness]"] = "abc",
            ["Points[innovation]"] = "-1",
            ["Points[quality]"] = "15.5",
        };

        using var response = await PostAsync(client, application.Id, points, Explained());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.EndsWith("须为 0.5 分的整数倍（如 12 或 12.5）", Error(page, "plan"), StringComparison.Ordinal);
        Assert.EndsWith("须为数字，例如 12 或 12.5", Error(page, "openness"), StringComparison.Ordinal);
        Assert.EndsWith("不能小于 0 分", Error(page, "innovation"), StringComparison.Ordinal);
        Assert.EndsWith("不能超过 15 分", Error(page, "quality"), StringComparison.Ordinal);
        Assert.Null(page.GetElementById("f-Points-service--error"));
        Assert.Equal("abc", page.GetElementById("f-Points-openness-")!.GetAttribute("value"));
        Assert.Equal("true", page.GetElementById("f-Points-openness-")!.GetAttribute("aria-invalid"));
        Assert.Equal("按实地抽查情况评定", page.GetElementById("f-Comments-plan-")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-Points-openness-']"));
        await using var db = host.NewDbContext();
        Assert.False(await db.StageReviews.AnyAsync(r => r.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Points_away_from_the_suggestion_need_a_comment_next_to_the_dimension()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        var page = await client.GetDocumentAsync(Url(application.Id));
        var suggested = page.QuerySelector("fieldset[data-dimension=openness] #basis-openness")!.TextContent;

        using var response = await PostAsync(client, application.Id, Full(), []);

        var after = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("建议分：", suggested, StringComparison.Ordinal);
        Assert.Contains("请说明理由", after.GetElementById("f-Comments-openness--error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_off_review_refuses_scoring_with_a_message_and_keeps_its_points()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        using (var saved = await PostAsync(client, application.Id, Full(), Explained()))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var before = await client.GetDocumentAsync(Url(application.Id));
        await using (var db = host.NewDbContext())
        {
            await db.StageReviews.Where(r => r.ApplicationId == application.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SignedOffAt, DateTimeOffset.UtcNow).SetProperty(r => r.SignedOffByName, chain.Province.DisplayName));
        }

        using var refused = await client.PostFormAsync(Url(application.Id), before, "form.scoring-form",
            new Dictionary<string, string>(Full()) { ["Points[openness]"] = "0" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains(SignedOff, page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.scoring-form"));
        var later = await client.GetDocumentAsync(Url(application.Id));
        Assert.Null(later.QuerySelector("form.scoring-form"));
        Assert.Contains(SignedOff, later.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        Assert.Equal(100m, (await check.StageReviews.SingleAsync(r => r.ApplicationId == application.Id)).Points.Values.Sum());
    }

    [Fact]
    public async Task A_save_based_on_a_stale_page_is_refused_and_the_other_save_kept()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var first = await host.SignedInAsync(chain.Province);
        using var second = await host.SignedInAsync(chain.Province);
        var stale = await second.GetDocumentAsync(Url(application.Id));
        using (var saved = await PostAsync(first, application.Id, Full(), Explained()))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await second.PostFormAsync(Url(application.Id), stale, "form.scoring-form",
            new Dictionary<string, string>(Full()) { ["Points[openness]"] = "20" }.Concat(Explained()).ToDictionary());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("其他人已保存", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("20", page.GetElementById("f-Points-openness-")!.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.Equal(30m, (await db.StageReviews.SingleAsync(r => r.ApplicationId == application.Id)).Points[ZoneScore.Openness]);
    }

    [Fact]
    public async Task Cluster_dimensions_are_judged_pass_or_fail_each_with_a_reason()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Cluster);
        var title = UniqueTitle("南海集群");
        var application = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, new Dictionary<string, string> { ["basic.area"] = "50" }, title);
        using var client = await host.SignedInAsync(chain.Province);
        var page = await client.GetDocumentAsync(Url(application.Id));
        var dimensions = page.QuerySelectorAll("fieldset[data-dimension]").Select(f => f.GetAttribute("data-dimension")!).ToList();
        var judgements = dimensions.ToDictionary(d => $"Judgements[{d}]", _ => ScoringRules.Pass);
        judgements["Judgements[core]"] = ScoringRules.Fail;

        using var missingReasons = await client.PostFormAsync(Url(application.Id), page, "form.scoring-form", judgements);
        var reasons = dimensions.ToDictionary(d => $"Comments[{d}]", _ => "依据申报材料和实地抽查判断");
        using var saved = await client.PostFormAsync(Url(application.Id), page, "form.scoring-form", judgements.Concat(reasons).ToDictionary());

        Assert.Contains("core", dimensions);
        Assert.DoesNotContain("gates", dimensions);
        var refused = await PortalClient.ParseAsync(missingReasons);
        Assert.Equal(dimensions.Count, refused.QuerySelectorAll("[id^=f-Comments-][id$=-error]").Length);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewDbContext();
        var review = await db.StageReviews.SingleAsync(r => r.ApplicationId == application.Id);
        Assert.Equal(ScoringRules.Fail, review.Judgements["core"]);
        Assert.Equal(dimensions.Count, review.Comments.Count);
        Assert.Empty(review.Points);
        var after = await client.GetDocumentAsync(Url(application.Id));
        Assert.NotNull(after.QuerySelector("#f-Judgements-core--fail[checked]"));
    }

    [Fact]
    public async Task A_bad_shape_is_refused_by_the_validator_beside_each_field_and_nothing_is_stored()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        var shape = new Dictionary<string, string>(Full()) { ["Points[service]"] = "99" };
        var comments = Explained();
        comments["Comments[plan]"] = new string('说', ScoringRules.MaxCommentLength + 1);

        using var response = await PostAsync(client, application.Id, shape, comments);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.EndsWith("不能超过 20 分", Error(page, "service"), StringComparison.Ordinal);
        Assert.Contains($"不能超过 {ScoringRules.MaxCommentLength} 个字", page.GetElementById("f-Comments-plan--error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("f-Points-plan--error"));
        Assert.Equal("99", page.GetElementById("f-Points-service-")!.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.False(await db.StageReviews.AnyAsync(r => r.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_judgement_other_than_pass_or_fail_is_refused_beside_its_dimension()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Cluster);
        var title = UniqueTitle("南海集群");
        var application = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, new Dictionary<string, string> { ["basic.area"] = "50" }, title);
        using var client = await host.SignedInAsync(chain.Province);
        var page = await client.GetDocumentAsync(Url(application.Id));
        var dimensions = page.QuerySelectorAll("fieldset[data-dimension]").Select(f => f.GetAttribute("data-dimension")!).ToList();
        var form = dimensions.ToDictionary(d => $"Judgements[{d}]", _ => ScoringRules.Pass)
            .Concat(dimensions.ToDictionary(d => $"Comments[{d}]", _ => "依据申报材料判断")).ToDictionary();
        form["Judgements[core]"] = "maybe";

        using var response = await client.PostFormAsync(Url(application.Id), page, "form.scoring-form", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await PortalClient.ParseAsync(response);
        Assert.Equal("请选择“通过”或“不通过”", after.GetElementById("f-Judgements-core--error")!.TextContent.Trim());
        Assert.Single(after.QuerySelectorAll("[id^=f-][id$=-error]"));
        await using var db = host.NewDbContext();
        Assert.False(await db.StageReviews.AnyAsync(r => r.ApplicationId == application.Id));
    }

    private static string Url(Guid id) => $"/Review/Applications/{id}/Scoring";

    /// <summary>Every dimension at its maximum.</summary>
    private static Dictionary<string, string> Full() =>
        ZoneScore.MaxPoints.ToDictionary(p => $"Points[{p.Key}]", p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A comment on every dimension, so departing from a suggestion is never the problem.</summary>
    private static Dictionary<string, string> Explained() =>
        ZoneScore.MaxPoints.Keys.ToDictionary(k => $"Comments[{k}]", _ => "按实地抽查情况评定");

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, Guid id, Dictionary<string, string> points, Dictionary<string, string> comments)
    {
        var page = await client.GetDocumentAsync(Url(id));
        return await client.PostFormAsync(Url(id), page, "form.scoring-form", points.Concat(comments).ToDictionary());
    }

    private static string Error(IDocument page, string dimension) =>
        page.GetElementById($"f-Points-{dimension}--error")?.TextContent.Trim() ?? throw new InvalidOperationException($"No error next to {dimension}.");
}
