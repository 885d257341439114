using SmeZones.Core.Organisations;

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

    /// <summary>The limit for 计划单列市 and 新疆生产建设兵团 where it differs (e.g. 2 per province, 1 per 计划单列市).</summary>
    public int? SpecialUnitQuota { get; set; }

    /// <summary>The quota that applies to a reviewing unit; special units are 计划单列市 and 兵团.</summary>
    public int? QuotaFor(bool isSpecialUnit) => isSpecialUnit && SpecialUnitQuota is not null ? SpecialUnitQuota : Quota;
}
