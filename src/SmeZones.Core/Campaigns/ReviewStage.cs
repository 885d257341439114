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

    /// <summary>The limit for each 计划单列市 (大连 青岛 宁波 厦门 深圳); when not set, the general <see cref="Quota"/>.</summary>
    public int? SpecialUnitQuota { get; set; }

    /// <summary>The limit for 新疆生产建设兵团, a kind of its own; when not set, the general <see cref="Quota"/>.</summary>
    public int? BingtuanQuota { get; set; }

    /// <summary>When the stage must have signed off and sent on (北京时间); also ends resubmission after its returns.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>
    /// The quota of the reviewing unit for the region, by its kind: 兵团's own, a 计划单列市's own, otherwise the general
    /// one (省/自治区/直辖市, or each 地州 at a prefecture-level stage). A kind without its own quota takes the general one,
    /// never another kind's: 兵团 is a provincial-level unit, not a 计划单列市.
    /// </summary>
    public int? QuotaFor(string? reviewingUnitRegionCode) => QuotaFor(ReviewingUnits.KindOf(reviewingUnitRegionCode));

    public int? QuotaFor(ReviewingUnitKind kind) => kind switch
    {
        ReviewingUnitKind.Bingtuan => BingtuanQuota ?? Quota,
        ReviewingUnitKind.SeparatelyPlannedCity => SpecialUnitQuota ?? Quota,
        _ => Quota,
    };
}
