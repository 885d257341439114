using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

[Collection(PortalCollection.Name)]
public class RoundSettingsTests(PortalHost host)
{
    [Fact]
    public async Task A_provincial_reviewer_enters_its_reference_figures_and_bad_numbers_are_refused()
    {
        var campaignId = await ZoneCampaignIdAsync();
        using var client = host.NewClient();
        await client.SignInAsync("reviewer.sichuan");
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
        using var client = host.NewClient();
        await client.SignInAsync("applicant.chengdu");

        using var response = await client.Http.GetAsync(new Uri("/Review/ReferenceFigures", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_sets_a_rounds_relaxation()
    {
        await using var db = host.NewDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Name.StartsWith("2024年度中小企业特色产业集群"));
        try
        {
            using var client = host.NewClient();
            await client.SignInAsync("admin");
            var url = $"/Admin/Campaigns/Relaxations/{campaign.Id}";
            var form = await client.GetDocumentAsync(url);
            var firstThreshold = form.QuerySelector("main input[name^='t.']")!.GetAttribute("name")!;

            using var refused = await client.SubmitAsync(url, new Dictionary<string, string> { [firstThreshold] = "-1" }, "main form");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            using var saved = await client.SubmitAsync(url, new Dictionary<string, string> { [firstThreshold] = "80", ["classes"] = "West" }, "main form");

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            await using var after = host.NewDbContext();
            var updated = await after.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
            Assert.Equal(80m, updated.Relaxations[firstThreshold[2..]]);
            Assert.Equal(["West"], updated.RelaxedRegionClasses);
        }
        finally
        {
            // Put it back as it was, whatever failed above: other tests read this demo round.
            await using var reset = host.NewDbContext();
            var round = await reset.Campaigns.SingleAsync(c => c.Id == campaign.Id);
            round.Relaxations = new Dictionary<string, decimal>(campaign.Relaxations);
            round.RelaxedRegionClasses = [.. campaign.RelaxedRegionClasses];
            await reset.SaveChangesAsync();
        }
    }

    private async Task<int> ZoneCampaignIdAsync()
    {
        await using var db = host.NewDbContext();
        return (await db.Campaigns.SingleAsync(c => c.Name.StartsWith("2026年度中外中小企业合作区"))).Id;
    }
}
