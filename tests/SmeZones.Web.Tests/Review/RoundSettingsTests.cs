using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

[Collection(PortalCollection.Name)]
public class RoundSettingsTests(PortalHost host)
{
    private TestData TestData => host.TestData;

    [Fact]
    public async Task A_provincial_reviewer_enters_its_reference_figures_and_bad_numbers_are_refused()
    {
        var campaignId = (await TestData.CreateRoundAsync(Programme.Zone)).Id;
        using var client = await host.SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));
        var url = $"/Review/ReferenceFigures?CampaignId={campaignId}";

        using var refused = await client.SubmitAsync(url, new Dictionary<string, string> { ["Fdi"] = "5.123", ["Export"] = "abc" }, "main form[method=post]");
        var page = await PortalClient.ParseAsync(refused);
        Assert.NotNull(page.GetElementById("f-Fdi-error"));
        Assert.NotNull(page.GetElementById("f-Export-error"));

        using var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Fdi"] = "-2.5", ["Export"] = "6.25", ["Source"] = "四川省统计公报" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewDbContext();
        var figures = await db.ProvinceReferenceFigures.SingleAsync(f => f.CampaignId == campaignId && f.RegionCode == "510000");
        Assert.Equal(-2.5m, figures.FdiGrowthAverage);
        Assert.Equal(6.25m, figures.ExportGrowthAverage);
    }

    [Fact]
    public async Task Applicants_cannot_enter_reference_figures()
    {
        using var client = await host.SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.Prefecture, "510100", Roles.Applicant));

        using var response = await client.Http.GetAsync(new Uri("/Review/ReferenceFigures", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
