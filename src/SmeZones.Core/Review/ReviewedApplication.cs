using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Review;

/// <summary>
/// One application as the review workspace reads it: the latest submission's snapshot (never the live draft, which
/// the applicant may be changing after a return), its assessment, and the viewer's <see cref="StagePosition"/> on it.
/// </summary>
/// <param name="Snapshot">Null while nothing was submitted (an application moved on by other means has none).</param>
/// <param name="Assessment">Null without a snapshot, or when the round's criteria do not read the snapshot's edition.</param>
public sealed record ReviewedApplication(
    Application Application,
    Submission? Submission,
    SubmissionSnapshot? Snapshot,
    AssessmentResult? Assessment,
    StagePosition Position)
{
    /// <summary>The answers as submitted (empty without a submission).</summary>
    public FormAnswers Answers => new(Snapshot?.Answers ?? []);

    /// <summary>
    /// The words for the keys of the application's form (<see cref="FormLabels"/>): the submitted copy's, or before any
    /// submission the catalogue edition's; null for an edition the catalogue no longer has and nothing submitted.
    /// </summary>
    public FormLabels? Labels => Snapshot is { } snapshot ? FormLabels.For(snapshot.Definition, snapshot.RoundYear)
        : FormEditionCatalogue.Default.TryGet(Application.FormEditionKey, out var definition) ? FormLabels.For(definition!, Application.Campaign!.Year)
        : null;

    /// <summary>The viewer's stage's review, when one was started.</summary>
    public StageReview? Review => Position.Review;

    /// <summary>The application with its latest submission, assessment and the viewer's position, or null when the viewer may not reach it (404).</summary>
    public static async Task<ReviewedApplication?> LoadAsync(PortalDbContext db, Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, id, ct);
        if (application is null)
        {
            return null;
        }
        var submission = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == id)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        var snapshot = submission is null ? null : SubmissionSnapshot.Parse(submission.CanonicalJson);
        AssessmentResult? assessment = null;
        if (snapshot is not null)
        {
            var settings = await ApplicationAssessment.SettingsForAsync(db, application, ct);
            assessment = ApplicationAssessment.TryAssess(application.Campaign!, snapshot.Definition, new FormAnswers(snapshot.Answers), settings);
        }
        var position = await StagePosition.LoadAsync(db, application, viewer, ct);
        return new ReviewedApplication(application, submission, snapshot, assessment, position);
    }
}
