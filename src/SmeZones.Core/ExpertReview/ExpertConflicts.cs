using SmeZones.Core.Applications;

namespace SmeZones.Core.ExpertReview;

/// <summary>An expert as the conflict rules and the draw see them.</summary>
public sealed record ExpertCandidate(Guid UserId, string DisplayName, int OrganisationId, string OrganisationName, ExpertProfile Profile, bool AccountActive = true)
{
    /// <summary>Only active experts with an active account are drawn or assigned.</summary>
    public bool IsAvailable => Profile.IsActive && AccountActive;
}

/// <summary>
/// 回避: an expert from the applicant's provincial unit, or from the applicant's own organisation, must not review it.
/// The draw never picks such an expert; assigning one by hand needs the ministry's written reason.
/// </summary>
public static class ExpertConflicts
{
    /// <summary>The conflicts in Chinese, empty when there is none.</summary>
    public static IReadOnlyList<string> Of(ExpertCandidate expert, Application application)
    {
        var conflicts = new List<string>();
        if (expert.Profile.ProvincialUnitCode == application.ProvincialUnitCode)
        {
            conflicts.Add("专家与申报单位属同一省级单位");
        }
        if (expert.OrganisationId == application.OrganisationId)
        {
            conflicts.Add("专家所在单位即申报单位");
        }
        return conflicts;
    }
}
