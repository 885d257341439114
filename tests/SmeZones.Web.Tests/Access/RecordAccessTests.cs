using System.Net;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Access;

/// <summary>A user reaches only what its organisation and jurisdiction allow; anything else is 404 with no data.</summary>
[Collection(PortalCollection.Name)]
public class RecordAccessTests(PortalHost host)
{
    private const string Zone = "2026年度中外中小企业合作区";

    [Theory]
    [InlineData("applicant.foshan", HttpStatusCode.OK)]
    [InlineData("applicant.chengdu", HttpStatusCode.NotFound)]
    [InlineData("applicant.nanhai", HttpStatusCode.NotFound)]
    public async Task Applicants_reach_only_their_own_organisations_applications(string user, HttpStatusCode expected)
    {
        var application = await host.ApplicationAsync("佛山市工业和信息化局", Zone);
        using var client = host.NewClient();
        await client.SignInAsync(user);

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains(application.Number, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reviewer.guangdong", HttpStatusCode.OK)]
    [InlineData("ministry", HttpStatusCode.OK)]
    [InlineData("reviewer.sichuan", HttpStatusCode.NotFound)]
    [InlineData("reviewer.shenzhen", HttpStatusCode.NotFound)]
    // The reviewers' workspace is closed to experts (sent to 无权访问); they reach assignments under /Experts.
    [InlineData("expert2", HttpStatusCode.Redirect)]
    public async Task Reviewers_reach_submitted_applications_only_in_their_jurisdiction(string user, HttpStatusCode expected)
    {
        var application = await host.ApplicationAsync("佛山市工业和信息化局", Zone, reachedStage: 1);
        using var client = host.NewClient();
        await client.SignInAsync(user);

        using var response = await client.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains(application.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_district_of_Shenzhen_belongs_to_Shenzhen_not_Guangdong()
    {
        var application = await host.ApplicationAsync("深圳市南山区工业和信息化局", "2024年度中小企业特色产业集群", reachedStage: 1);
        using var shenzhen = host.NewClient();
        await shenzhen.SignInAsync("reviewer.shenzhen");
        using var guangdong = host.NewClient();
        await guangdong.SignInAsync("reviewer.guangdong");

        using var seen = await shenzhen.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));
        using var hidden = await guangdong.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Reviewers_do_not_see_drafts_that_were_never_submitted()
    {
        var draft = await host.ApplicationAsync("佛山市工业和信息化局", Zone);
        using var client = host.NewClient();
        await client.SignInAsync("reviewer.guangdong");

        using var response = await client.Http.GetAsync(new Uri($"/Review/Applications/{draft.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Prefecture_reviews_first_in_the_Xinjiang_round()
    {
        var application = await host.ApplicationAsync("昌吉市工业和信息化局", "2026年新疆", reachedStage: 1);
        using var changji = host.NewClient();
        await changji.SignInAsync("reviewer.changji");
        using var xinjiang = host.NewClient();
        await xinjiang.SignInAsync("reviewer.xinjiang");

        using var atPrefecture = await changji.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));
        using var notYetAtRegion = await xinjiang.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, atPrefecture.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notYetAtRegion.StatusCode);
    }
}
