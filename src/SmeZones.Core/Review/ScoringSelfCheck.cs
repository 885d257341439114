using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Review;

/// <summary>
/// The applicant's self-check: the round's criteria applied to the draft as saved, with the round's settings, so the
/// applicant sees what the reviewer will see before submitting. Advice only: nothing here blocks a save or a submission.
/// </summary>
public static class ScoringSelfCheck
{
    /// <summary>One assessment of the draft (a query for the province's reference figures); null when the round has no criteria for the edition.</summary>
    public static async Task<AssessmentResult?> ForDraftAsync(PortalDbContext db, Application application, FormDefinition definition, CancellationToken ct = default)
    {
        var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign with the application.");
        var settings = await ApplicationAssessment.SettingsForAsync(db, application, ct);
        return InboxApplication.TryAssess(campaign, definition, new FormAnswers(application.Answers), settings);
    }
}
