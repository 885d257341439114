using AngleSharp.Dom;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Experience;

/// <summary>
/// Issue 8 item 13: one breadcrumb pattern on every page, one wording of the level's own review, number inputs for
/// points, and the 复核 assessment's 完成率 with its formula beside it.
/// </summary>
[Collection(PortalCollection.Name)]
public class OnePatternTests(PortalHost host)
{
    [Fact]
    public async Task Every_sampled_page_has_one_breadcrumb_from_home_to_the_page_itself()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var draft = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        var submitted = await host.SubmittedZoneAsync(chain);
        var admin = await host.TestData.CreateUserAsync(Core.Organisations.OrganisationLevel.Ministry, null, Core.Organisations.Roles.Admin);
        using var applicant = await host.SignedInAsync(chain.Applicant);
        using var reviewer = await host.SignedInAsync(chain.Province);
        using var administrator = await host.SignedInAsync(admin);

        (PortalClient Client, string Url, string[] Trail)[] pages =
        [
            (applicant, "/Applications", ["首页", "我的申报"]),
            (applicant, $"/Applications/{draft.Id}", ["首页", "我的申报", $"{draft.Number} 申报概览"]),
            (applicant, $"/Applications/{draft.Id}/Sections/basic", ["首页", "我的申报", $"{draft.Number} 申报概览", "一、基本情况"]),
            (applicant, $"/Applications/{draft.Id}/Evidence", ["首页", "我的申报", $"{draft.Number} 申报概览", "佐证材料"]),
            (applicant, $"/Applications/{draft.Id}/Submit", ["首页", "我的申报", $"{draft.Number} 申报概览", "检查并提交"]),
            (applicant, "/Messages", ["首页", "站内消息"]),
            (reviewer, "/Review", ["首页", "审核工作台"]),
            (reviewer, $"/Review/Applications/{submitted.Id}", ["首页", "审核工作台", submitted.Number]),
            (reviewer, $"/Review/Applications/{submitted.Id}/Scoring", ["首页", "审核工作台", submitted.Number, "评分"]),
            (reviewer, $"/Review/Applications/{submitted.Id}/Decision", ["首页", "审核工作台", submitted.Number, "推荐意见与签发"]),
            (reviewer, $"/Review/Applications/{submitted.Id}/Return", ["首页", "审核工作台", submitted.Number, "退回修改"]),
            (administrator, "/Admin/Users/Edit", ["首页", "用户管理", "新增用户"]),
            (administrator, "/Rounds", ["首页", "批次管理"]),
        ];

        foreach (var (client, url, trail) in pages)
        {
            var page = await client.GetDocumentAsync(url);
            var crumbs = Assert.Single(page.QuerySelectorAll("nav[aria-label=面包屑]"));
            var items = crumbs.QuerySelectorAll("ol.breadcrumb > li.breadcrumb-item").ToList();
            Assert.True(trail.SequenceEqual(items.Select(i => i.TextContent.Trim())), $"{url}: {string.Join(" › ", items.Select(i => i.TextContent.Trim()))}");
            Assert.Equal("/", items[0].QuerySelector("a")!.GetAttribute("href"));
            Assert.All(items[..^1], i => Assert.NotNull(i.QuerySelector("a[href]")));
            Assert.Equal("page", items[^1].GetAttribute("aria-current"));
            Assert.Null(items[^1].QuerySelector("a"));
        }
        // The parents link where they say: the overview from a section, the application from the decision page.
        var section = await applicant.GetDocumentAsync($"/Applications/{draft.Id}/Sections/basic");
        Assert.Equal($"/Applications/{draft.Id}", Links(section)[2]);
        var decision = await reviewer.GetDocumentAsync($"/Review/Applications/{submitted.Id}/Decision");
        Assert.Equal($"/Review/Applications/{submitted.Id}", Links(decision)[2]);
    }

    [Fact]
    public async Task The_home_page_has_no_breadcrumb()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        using var client = await host.SignedInAsync(chain.Applicant);

        Assert.Empty((await client.GetDocumentAsync("/")).QuerySelectorAll("nav[aria-label=面包屑]"));
    }

    [Fact]
    public async Task The_level_without_a_decision_reads_the_same_in_the_inbox_and_on_the_application()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

        var inbox = await client.GetDocumentAsync("/Review");
        var detail = await client.GetDocumentAsync($"/Review/Applications/{application.Id}");

        Assert.Equal("尚未作出审核意见", inbox.QuerySelector($"tr[data-application='{application.Id}'] .inbox-review")!.TextContent.Trim());
        Assert.Contains("本级审核：尚未作出审核意见。", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("未开始", inbox.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("未开始", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_inputs_are_numbers_in_steps_of_a_half_up_to_each_dimension_maximum_for_reviewers_and_experts()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var submitted = await host.SubmittedZoneAsync(chain);
        var atMinistry = await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, host.Clock.GetUtcNow());
        var (expert, assignment) = await host.TestData.CreateOpenSheetAsync(atMinistry);
        using var reviewer = await host.SignedInAsync(chain.Province);
        using var expertClient = await host.SignedInAsync(expert);

        var scoring = await reviewer.GetDocumentAsync($"/Review/Applications/{submitted.Id}/Scoring");
        var sheet = await expertClient.GetDocumentAsync($"/Experts/Review/{assignment.Id}");

        foreach (var page in new[] { scoring, sheet })
        {
            var inputs = page.QuerySelectorAll("input[name^='Points[']").ToList();
            Assert.Equal(ZoneScore.MaxPoints.Count, inputs.Count);
            foreach (var input in inputs)
            {
                var dimension = input.GetAttribute("name")!["Points[".Length..^1];
                Assert.Equal("number", input.GetAttribute("type"));
                Assert.Equal("decimal", input.GetAttribute("inputmode"));
                Assert.Equal("0.5", input.GetAttribute("step"));
                Assert.Equal("0", input.GetAttribute("min"));
                Assert.Equal(ZoneScore.MaxPoints[dimension].ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), input.GetAttribute("max"));
            }
        }
    }

    [Fact]
    public async Task Each_completion_rate_of_the_re_review_assessment_states_its_formula()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.ClusterReview);
        var answers = SmeZones.TestSupport.FormFixtures.Complete("cluster-review-xj");
        var application = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, answers.Values, UniqueTitle("昌吉集群"));
        using var client = await host.SignedInAsync(chain.Prefecture!);

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=assessment");

        // 40家 planned, 48家 achieved; energy 0.30 → 0.26 planned, 0.25 achieved (a 下降类 indicator).
        Assert.Contains("120%（完成值 48 ÷ 目标值 40 × 100%）", FigureOf(page, "completion.qualitySmes", "完成率"), StringComparison.Ordinal);
        Assert.Contains("125%（下降类指标，按自基准值起的下降进度计算：（基准值 0.3 − 完成值 0.25）÷（基准值 0.3 − 目标值 0.26）× 100%）",
            FigureOf(page, "completion.energy", "完成率"), StringComparison.Ordinal);
    }

    private static List<string?> Links(IDocument page) =>
        page.QuerySelectorAll("nav[aria-label=面包屑] li").Select(li => li.QuerySelector("a")?.GetAttribute("href")).ToList();

    /// <summary>The 数值 cell of the figure whose label ends with <paramref name="labelEnd"/> in one requirement of the assessment.</summary>
    private static string FigureOf(IDocument page, string requirement, string labelEnd)
    {
        var rows = page.QuerySelectorAll($"li[data-requirement='{requirement}'] tbody tr");
        var row = Assert.Single(rows, r => r.QuerySelector("td")!.TextContent.Trim().Split('\n')[0].Trim().EndsWith(labelEnd, StringComparison.Ordinal));
        return row.QuerySelectorAll("td")[2].TextContent.Trim();
    }
}
