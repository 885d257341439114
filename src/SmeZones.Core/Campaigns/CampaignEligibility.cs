using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>
/// Who may apply in a round: authorities of the round's applicant level inside the organiser's region. Nobody starts
/// an application in a re-review round: its applications are created for the entries' holders when it is published.
/// </summary>
public static class CampaignEligibility
{
    public static bool CanApply(this Campaign campaign, Organisation applicant)
    {
        if (campaign.IsReReview || applicant.Level != campaign.ApplicantLevel || applicant.RegionCode is null)
        {
            return false;
        }
        var organiserRegion = campaign.Organiser?.RegionCode;
        return organiserRegion is null || RegionCatalogue.Instance.IsWithin(applicant.RegionCode, organiserRegion);
    }
}
