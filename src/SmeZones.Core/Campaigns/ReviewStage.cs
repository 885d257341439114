using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>One level of a campaign's review chain, e.g. provincial unit → ministry, with its quota.</summary>
public class ReviewStage
{
    public int CampaignId { get; set; }

    /// <summary>1 for the first reviewing level after the applicant.</summary>
    public int Order { get; set; }
    public OrganisationLevel Level { get; set; }
    public required string Name { get; set; }

    /// <summary>How many a reviewing unit at this stage may recommend; null where the notice sets no limit.</summary>
    public int? Quota { get; set; }

    /// <summary>The limit for 计划单列市 (and 兵团 when <see cref="BingtuanQuota"/> is not set), e.g. 2 per province, 1 per 计划单列市.</summary>
    public int? SpecialUnitQuota { get; set; }

    /// <summary>The limit for 新疆生产建设兵团 where the notice sets its own.</summary>
    public int? BingtuanQuota { get; set; }

    /// <summary>When the stage must have signed off and sent on (北京时间); also ends resubmission after its returns.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The quota that applies to a reviewing unit; special units are 计划单列市 and 兵团.</summary>
    public int? QuotaFor(bool isSpecialUnit) => isSpecialUnit && SpecialUnitQuota is not null ? SpecialUnitQuota : Quota;

    /// <summary>The quota of the reviewing unit for the region: 兵团's own, then the 计划单列市 one, then the general one.</summary>
    public int? QuotaFor(string? reviewingUnitRegionCode) => ReviewingUnits.KindOf(reviewingUnitRegionCode) switch
    {
        ReviewingUnitKind.Bingtuan => BingtuanQuota ?? SpecialUnitQuota ?? Quota,
        ReviewingUnitKind.SeparatelyPlannedCity => SpecialUnitQuota ?? Quota,
        _ => Quota,
    };
}
