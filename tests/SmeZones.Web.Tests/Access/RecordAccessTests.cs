using System.Net;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Access;

/// <summary>A user reaches only what its organisation and jurisdiction allow; anything else is 404 with no data.</summary>
[Collection(PortalCollection.Name)]
public class RecordAccessTests(PortalHost host)
{
    private TestData TestData => host.TestData;

    [Theory]
    [InlineData("same organisation", HttpStatusCode.OK)]
    [InlineData("another province's prefecture", HttpStatusCode.NotFound)]
    [InlineData("a county below", HttpStatusCode.NotFound)]
    public async Task Applicants_reach_only_their_own_organisations_applications(string who, HttpStatusCode expected)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        var user = who switch
        {
            "same organisation" => chain.Applicant,
            "another province's prefecture" => await TestData.CreateUserAsync(OrganisationLevel.Prefecture, "510100", Roles.Applicant),
            _ => await TestData.CreateUserAsync(OrganisationLevel.County, "440605", Roles.Applicant),
        };
        using var client = await host.SignedInAsync(user);

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains(application.Number, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("its province", HttpStatusCode.OK)]
    [InlineData("the ministry", HttpStatusCode.OK)]
    [InlineData("another province", HttpStatusCode.NotFound)]
    [InlineData("a 计划单列市 in the province", HttpStatusCode.NotFound)]
    // The reviewers' workspace is closed to experts (sent to 无权访问); they reach assignments under /Experts.
    [InlineData("an expert", HttpStatusCode.Redirect)]
    public async Task Reviewers_reach_submitted_applications_only_in_their_jurisdiction(string who, HttpStatusCode expected)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round, reachedStage: 1);
        var user = who switch
        {
            "its province" => chain.Province,
            "the ministry" => await TestData.CreateUserAsync(Roles.Ministry),
            "another province" => await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer),
            "a 计划单列市 in the province" => await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440300", Roles.Reviewer),
            _ => await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "110000", Roles.Expert),
        };
        using var client = await host.SignedInAsync(user);

        using var response = await client.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains(application.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_district_of_Shenzhen_belongs_to_Shenzhen_not_Guangdong()
    {
        var round = await TestData.CreateRoundAsync(Programme.Cluster);
        var nanshan = await TestData.CreateOrganisationAsync(OrganisationLevel.County, "440305");
        var application = await TestData.CreateApplicationAsync(nanshan, round, reachedStage: 1);
        using var shenzhen = await host.SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440300", Roles.Reviewer));
        using var guangdong = await host.SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440000", Roles.Reviewer));

        using var seen = await shenzhen.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));
        using var hidden = await guangdong.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Reviewers_do_not_see_drafts_that_were_never_submitted()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var draft = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Province);

        using var response = await client.Http.GetAsync(new Uri($"/Review/Applications/{draft.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Prefecture_reviews_first_in_the_Xinjiang_round()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.ClusterReview);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round, reachedStage: 1);
        using var changji = await host.SignedInAsync(chain.Prefecture!);
        using var xinjiang = await host.SignedInAsync(chain.Province);

        using var atPrefecture = await changji.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));
        using var notYetAtRegion = await xinjiang.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, atPrefecture.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notYetAtRegion.StatusCode);
    }
}
