using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 13 (part): the decision page speaks of recommendation places only where the stage has a quota.</summary>
[Collection(PortalCollection.Name)]
public class QuotaWordingTests(PortalHost host)
{
    [Theory]
    [InlineData(3, true)]
    [InlineData(null, false)]
    public async Task The_recommend_choice_and_the_hint_mention_a_place_only_when_the_stage_has_a_quota(int? quota, bool mentionsPlace)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await using (var db = host.NewDbContext())
        {
            var stage = await db.Set<ReviewStage>().SingleAsync(s => s.CampaignId == chain.Round.Id && s.Order == 1);
            stage.Quota = quota;
            await db.SaveChangesAsync();
        }
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round, reachedStage: 1);
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}/Decision");

        var label = page.QuerySelector("label[for='f-Decision']")!.TextContent.Trim();
        Assert.Equal(mentionsPlace ? "推荐（占用本单位 1 个推荐名额）" : "推荐", label);
        Assert.Equal(mentionsPlace, page.GetElementById("quota")!.TextContent.Contains("名额 3", StringComparison.Ordinal));
        Assert.Equal(mentionsPlace, page.QuerySelector("main form")!.TextContent.Contains("退还推荐名额", StringComparison.Ordinal));
    }
}
