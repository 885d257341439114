using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>
/// Late provincial units in the national overview: the provincial stage's deadline (北京时间) closes the stage at that
/// instant, as it closes resubmission, so a unit is late when it has not signed off before it.
/// </summary>
[Collection(PortalCollection.Name)]
public class LateUnitTests(PortalHost host)
{
    [Fact]
    public async Task After_the_deadline_a_unit_that_signed_off_before_it_is_not_late_and_one_at_it_or_not_at_all_is()
    {
        // 17:00 北京时间 the day before: the stage has closed.
        var china = ChinaTime.ToChina(host.Clock.GetUtcNow()).AddDays(-1);
        var deadline = ChinaTime.At(china.Year, china.Month, china.Day, 17);
        var (chain, units) = await RoundAsync(deadline);
        await host.TestData.CreateRecommendationAsync(chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, deadline.AddSeconds(-1));
        await host.TestData.CreateRecommendationAsync(chain, units.Chengdu, units.Sichuan, deadline);
        await host.TestData.CreateRecommendationAsync(chain, units.Hangzhou, units.Zhejiang, signedOffAt: null);

        var overview = await OverviewAsync(chain);

        Assert.Equal("已签发", Progress(overview, "440000"));
        Assert.Equal("逾期签发", Progress(overview, "510000"));
        Assert.Equal("逾期未签发", Progress(overview, "330000"));
        Assert.Equal("尚无申报", Progress(overview, "320000"));
        Assert.Equal("table-danger", overview.QuerySelector("tr[data-unit='510000']")!.ClassName);
        Assert.Contains("2 个未按时签发", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"省级签发截止时间：{china:yyyy年M月d日} 17:00（北京时间）", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_with_a_recommendation_still_unsigned_is_late_from_the_deadline_itself_and_not_a_second_before()
    {
        var now = host.Clock.GetUtcNow();
        var (open, openUnits) = await RoundAsync(now.AddSeconds(1));
        await host.TestData.CreateRecommendationAsync(open, openUnits.Hangzhou, openUnits.Zhejiang, signedOffAt: null);
        var (closed, closedUnits) = await RoundAsync(now);
        await host.TestData.CreateRecommendationAsync(closed, closedUnits.Hangzhou, closedUnits.Zhejiang, signedOffAt: null);

        Assert.Equal("尚未签发", Progress(await OverviewAsync(open), "330000"));
        Assert.Equal("逾期未签发", Progress(await OverviewAsync(closed), "330000"));
    }

    private sealed record Units(Organisation Sichuan, Organisation Chengdu, Organisation Zhejiang, Organisation Hangzhou);

    /// <summary>A zone round (广东 through the chain, and authorities of 四川 and 浙江) whose provincial stage closes at the deadline.</summary>
    private async Task<(RoundChain Chain, Units Units)> RoundAsync(DateTimeOffset deadline)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await using (var db = host.NewDbContext())
        {
            var stage = await db.Campaigns.Where(c => c.Id == chain.Round.Id).SelectMany(c => c.Stages)
                .SingleAsync(s => s.Level == OrganisationLevel.ProvincialUnit);
            stage.Deadline = deadline;
            await db.SaveChangesAsync();
        }
        var units = new Units(
            await host.TestData.CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "510000"),
            await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "510100"),
            await host.TestData.CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "330000"),
            await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "330100"));
        return (chain, units);
    }

    private async Task<AngleSharp.Dom.IDocument> OverviewAsync(RoundChain chain)
    {
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        return await client.GetDocumentAsync($"/Ministry/Overview?campaignId={chain.Round.Id}");
    }

    private static string Progress(AngleSharp.Dom.IDocument page, string unit) =>
        page.QuerySelector($"tr[data-unit='{unit}'] .progress-text")!.TextContent.Trim();
}
