using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Tests.Campaigns;

/// <summary>Quotas per kind of reviewing unit: 省/自治区/直辖市, 计划单列市, 兵团, or each 地州.</summary>
public class StageQuotaTests
{
    private static readonly ReviewStage Provincial = new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级", Quota = 8, SpecialUnitQuota = 2, BingtuanQuota = 3 };

    [Theory]
    [InlineData("440000", ReviewingUnitKind.Province, 8)] // 广东
    [InlineData("650000", ReviewingUnitKind.Province, 8)] // 新疆
    [InlineData("440300", ReviewingUnitKind.SeparatelyPlannedCity, 2)] // 深圳
    [InlineData("210200", ReviewingUnitKind.SeparatelyPlannedCity, 2)] // 大连
    [InlineData("660000", ReviewingUnitKind.Bingtuan, 3)] // 兵团
    public void Each_kind_of_provincial_unit_has_its_own_quota(string region, ReviewingUnitKind kind, int quota)
    {
        Assert.Equal(kind, ReviewingUnits.KindOf(region));
        Assert.Equal(quota, Provincial.QuotaFor(region));
    }

    [Fact]
    public void Without_its_own_quota_the_bingtuan_takes_the_provincial_one_not_the_separately_planned_cities()
    {
        var stage = new ReviewStage { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级", Quota = 2, SpecialUnitQuota = 1 };

        Assert.Equal(2, stage.QuotaFor(RegionCatalogue.BingtuanCode));
        Assert.Equal(1, stage.QuotaFor("440300")); // 深圳
        Assert.Equal(2, stage.QuotaFor("510000"));
    }

    [Fact]
    public void A_bingtuan_quota_applies_to_the_bingtuan_only()
    {
        var stage = new ReviewStage { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级", Quota = 2, BingtuanQuota = 1 };

        Assert.Equal(1, stage.QuotaFor(RegionCatalogue.BingtuanCode));
        Assert.Equal(2, stage.QuotaFor("440300")); // 深圳: no quota of its own, so the general one
        Assert.Equal(2, stage.QuotaFor("650000")); // 新疆
    }

    [Fact]
    public void A_stage_without_quota_sets_no_limit_for_any_kind()
    {
        var stage = new ReviewStage { Order = 2, Level = OrganisationLevel.Ministry, Name = "部级" };

        Assert.All(Enum.GetValues<ReviewingUnitKind>(), kind => Assert.Null(stage.QuotaFor(kind)));
    }

    [Fact]
    public void A_prefecture_stage_quota_is_per_prefecture_and_a_bingtuan_city_reports_to_the_bingtuan()
    {
        var stage = new ReviewStage { Order = 1, Level = OrganisationLevel.Prefecture, Name = "地州初审", Quota = 3 };

        Assert.Equal(ReviewingUnitKind.Prefecture, ReviewingUnits.KindOf("652300"));
        Assert.Equal(3, stage.QuotaFor("652300"));
        Assert.Equal(RegionCatalogue.BingtuanCode, Jurisdiction.Of("659001").ProvincialUnitCode); // 石河子市
    }
}
