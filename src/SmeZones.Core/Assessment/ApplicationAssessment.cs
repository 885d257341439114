using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Assesses an application against its round's criteria edition with the round's settings: the relaxation for the
/// applicant's region class and the province reference figures its reviewing authority entered. The applicant's
/// self-check (<see cref="DraftSelfCheck"/>) and the review workspace both come here, so both see the same assessment.
/// </summary>
public static class ApplicationAssessment
{
    public static async Task<AssessmentSettings> SettingsForAsync(PortalDbContext db, Application application, CancellationToken ct = default)
    {
        var campaign = application.Campaign ?? await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == application.CampaignId, ct);
        var figures = await db.ProvinceReferenceFigures.AsNoTracking()
            .SingleOrDefaultAsync(f => f.CampaignId == campaign.Id && f.RegionCode == application.ProvincialUnitCode, ct);
        return SettingsFor(campaign, application.RegionCode, figures);
    }

    /// <summary>The same, from rows already loaded, so a list does not query per application.</summary>
    public static AssessmentSettings SettingsFor(Campaign campaign, string regionCode, ProvinceReferenceFigures? figures) => new()
    {
        ApplicantRegionClass = RegionCatalogue.Instance.ClassOf(regionCode),
        Relaxations = campaign.Relaxations,
        RelaxedClasses = campaign.RelaxedRegionClasses.Select(Enum.Parse<RegionClass>).ToHashSet(),
        ProvinceFdiGrowthAverage = figures?.FdiGrowthAverage,
        ProvinceExportGrowthAverage = figures?.ExportGrowthAverage,
    };

    /// <summary>The assessment of the answers as they stand (a draft's, or a submission's snapshot answers).</summary>
    public static AssessmentResult Assess(Application application, FormDefinition definition, FormAnswers answers, AssessmentSettings settings) =>
        AssessmentEngine.Assess(application.Campaign!.CriteriaEditionKey, definition, application.Campaign.Year, answers, settings);

    /// <summary>
    /// The assessment, or null when the round's criteria edition is unknown or does not read this form edition: a
    /// misconfigured round must not take the page (or an applicant's save) down with it.
    /// </summary>
    public static AssessmentResult? TryAssess(Campaign campaign, FormDefinition definition, FormAnswers answers, AssessmentSettings settings) =>
        CriteriaEditions.All.Any(e => e.Key == campaign.CriteriaEditionKey && e.Reads(definition))
            ? AssessmentEngine.Assess(campaign.CriteriaEditionKey, definition, campaign.Year, answers, settings)
            : null;
}
