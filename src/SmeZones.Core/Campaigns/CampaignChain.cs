using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>Which reviewing organisations take part in a round: the ones its summary lists and pages may show it to.</summary>
public static class CampaignChain
{
    /// <summary>
    /// Whether the viewer's organisation is in the round's review chain: the round has a stage at its level, and the
    /// organisation lies in the organiser's jurisdiction (a ministry round reaches every province; 新疆's own 复核 round
    /// reaches 新疆's 地州 and 新疆 itself, not 四川 or 广东). The organiser must be loaded.
    /// </summary>
    public static bool Includes(this Campaign campaign, Viewer viewer)
    {
        if (campaign.StageFor(viewer.OrganisationLevel) is null)
        {
            return false;
        }
        var organiser = campaign.Organiser ?? throw new InvalidOperationException($"Load the organiser of campaign {campaign.Id} first.");
        if (organiser.RegionCode is null)
        {
            return true;
        }
        // By jurisdiction, not geography: 深圳 recommends on its own and is no part of a round 广东 organises.
        return viewer.OrganisationId == organiser.Id
            || RegionCatalogue.Instance.IsInJurisdictionOf(viewer.RegionCode, organiser.RegionCode);
    }
}
