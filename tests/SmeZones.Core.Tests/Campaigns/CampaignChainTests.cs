using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Tests.Campaigns;

/// <summary>Which reviewing organisations a round is shown to: those at one of its levels inside the organiser's jurisdiction.</summary>
public class CampaignChainTests
{
    private static readonly Organisation Ministry = new() { Id = 1, Name = "工业和信息化部中小企业局", Level = OrganisationLevel.Ministry };
    private static readonly Organisation Xinjiang = new() { Id = 2, Name = "新疆维吾尔自治区工业和信息化厅", Level = OrganisationLevel.ProvincialUnit, RegionCode = "650000" };
    private static readonly Organisation Guangdong = new() { Id = 3, Name = "广东省工业和信息化厅", Level = OrganisationLevel.ProvincialUnit, RegionCode = "440000" };

    private static Campaign Round(Organisation organiser, params OrganisationLevel[] levels) => new()
    {
        Id = 7, Name = "测试批次", FormEditionKey = "cluster-review-xj", CriteriaEditionKey = "cluster-review-xj", Organiser = organiser,
        Stages = [.. levels.Select((level, i) => new ReviewStage { Order = i + 1, Level = level, Name = level.ToChinese() })],
    };

    private static Viewer Reviewer(int organisationId, OrganisationLevel level, string? region) =>
        new(Guid.NewGuid(), organisationId, level, region, new HashSet<string> { level == OrganisationLevel.Ministry ? Roles.Ministry : Roles.Reviewer });

    [Fact]
    public void A_provincial_round_reaches_its_own_chain_only()
    {
        var round = Round(Xinjiang, OrganisationLevel.Prefecture, OrganisationLevel.ProvincialUnit);

        Assert.True(round.Includes(Reviewer(2, OrganisationLevel.ProvincialUnit, "650000")));   // 新疆
        Assert.True(round.Includes(Reviewer(10, OrganisationLevel.Prefecture, "652300")));      // 昌吉州
        Assert.False(round.Includes(Reviewer(11, OrganisationLevel.ProvincialUnit, "510000"))); // 四川
        Assert.False(round.Includes(Reviewer(3, OrganisationLevel.ProvincialUnit, "440000")));  // 广东
        Assert.False(round.Includes(Reviewer(12, OrganisationLevel.Prefecture, "440600")));     // 佛山
        Assert.False(round.Includes(Reviewer(1, OrganisationLevel.Ministry, null)));            // no ministry stage
    }

    [Fact]
    public void A_round_a_province_organises_does_not_reach_the_planned_city_inside_it()
    {
        var round = Round(Guangdong, OrganisationLevel.Prefecture, OrganisationLevel.ProvincialUnit);

        Assert.True(round.Includes(Reviewer(12, OrganisationLevel.Prefecture, "440600")));       // 佛山
        Assert.False(round.Includes(Reviewer(13, OrganisationLevel.ProvincialUnit, "440300")));  // 深圳 recommends on its own
    }

    [Fact]
    public void A_ministry_round_reaches_every_province_at_its_levels()
    {
        var round = Round(Ministry, OrganisationLevel.ProvincialUnit, OrganisationLevel.Ministry);

        Assert.True(round.Includes(Reviewer(11, OrganisationLevel.ProvincialUnit, "510000")));
        Assert.True(round.Includes(Reviewer(13, OrganisationLevel.ProvincialUnit, "440300")));
        Assert.True(round.Includes(Reviewer(1, OrganisationLevel.Ministry, null)));
        Assert.False(round.Includes(Reviewer(12, OrganisationLevel.Prefecture, "440600"))); // no prefecture stage
    }
}
