using System.Net;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The 推荐汇总表 before and after sign-off (issue 8 item 14, ADR 0057): saved recommendations are marked 未签发 in the
/// preview and the official downloads wait until every one is signed off; the ministry's table is headed as the
/// ministry's (item 15).
/// </summary>
[Collection(PortalCollection.Name)]
public class SummarySignOffTests(PortalHost host)
{
    [Fact]
    public async Task An_unsigned_recommendation_is_marked_in_the_preview_and_the_downloads_are_refused_with_a_reason()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);
        await DecideAsync(province, application);
        var url = $"/Review/Summary?campaignId={chain.Round.Id}";

        var preview = await province.GetDocumentAsync(url);
        using var xlsx = await province.Http.GetAsync(new Uri(url + "&handler=Xlsx", UriKind.Relative));
        using var pdf = await province.Http.GetAsync(new Uri(url + "&handler=Pdf", UriKind.Relative));

        var row = preview.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(application.Title, StringComparison.Ordinal));
        Assert.Equal("未签发", row.QuerySelector(".unsigned-mark")?.TextContent);
        Assert.NotNull(preview.GetElementById("unsigned-note"));
        foreach (var refused in new[] { xlsx, pdf })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            var page = await PortalClient.ParseAsync(refused);
            Assert.Contains("1 项推荐尚未签发", page.GetElementById("download-refused")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Once_signed_off_the_row_is_unmarked_and_the_spreadsheet_downloads()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedAsync(chain);
        using var province = await host.SignedInAsync(chain.Province);
        await DecideAsync(province, application);
        using var signed = await province.SubmitAsync($"/Review/Applications/{application.Id}/Decision",
            new Dictionary<string, string> { ["Confirm"] = "true" }, "form#signoff-form");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var url = $"/Review/Summary?campaignId={chain.Round.Id}";

        var preview = await province.GetDocumentAsync(url);
        using var xlsx = await province.Http.GetAsync(new Uri(url + "&handler=Xlsx", UriKind.Relative));

        Assert.Contains(application.Title, preview.QuerySelector("main tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector(".unsigned-mark"));
        Assert.Null(preview.GetElementById("unsigned-note"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_ministrys_summary_is_headed_with_the_ministrys_own_label_not_as_a_provincial_authority()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, host.Clock.GetUtcNow());
        var ministry = await host.TestData.CreateUserAsync(Roles.Ministry);
        using var client = await host.SignedInAsync(ministry);

        var preview = await client.GetDocumentAsync($"/Review/Summary?campaignId={chain.Round.Id}");

        var header = preview.QuerySelector("main")!.TextContent;
        Assert.Contains($"汇总单位：{ministry.Organisation!.Name}（盖章）", header, StringComparison.Ordinal);
        Assert.DoesNotContain("省级中小企业主管部门：", header, StringComparison.Ordinal);
    }

    private static async Task DecideAsync(PortalClient reviewer, Application application)
    {
        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Decision",
            new Dictionary<string, string> { ["Decision"] = "Recommend", ["Opinion"] = "同意推荐。" }, "form#decision-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
