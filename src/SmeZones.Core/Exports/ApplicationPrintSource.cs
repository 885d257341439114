using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>
/// Decides what the print view and PDF of an application show. While the applicant can still change it (草稿,
/// 退回修改) that is the current answers read with the campaign's edition; once it has left the applicant's hands
/// it is the latest submission's frozen snapshot (its own copy of the definition and answers), never the live
/// row, so the paper matches the hash recorded at submission.
/// </summary>
public static class ApplicationPrintSource
{
    /// <summary>
    /// Loads what is needed and decides. The application must come with its campaign (and stages) and organisation.
    /// A submitted copy carries the 推荐意见 for the form's opinion place (<see cref="StageOpinions.ForFormAsync"/>): signed
    /// off, or unsigned for the unit that saved it, <paramref name="viewerOrganisationId"/>.
    /// </summary>
    public static async Task<PrintRequest> ForAsync(PortalDbContext db, Application application, int? viewerOrganisationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        if (application.IsEditableByApplicant)
        {
            return For(application, null);
        }
        var latest = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        return For(application, latest) with { Opinion = await StageOpinions.ForFormAsync(db, application, viewerOrganisationId, ct) };
    }

    /// <summary>The decision itself, given the latest submission (ignored while the application is editable).</summary>
    public static PrintRequest For(Application application, Submission? latestSubmission)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.IsEditableByApplicant)
        {
            var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign with the application.");
            return new PrintRequest
            {
                Definition = FormEditionCatalogue.Default.Get(application.FormEditionKey),
                RoundYear = campaign.Year,
                Answers = new FormAnswers(application.Answers),
                ApplicationNumber = application.Number,
                OrganisationName = application.Organisation?.Name ?? "",
                IsDraft = true,
            };
        }

        // Submitting always stores a submission in the same transaction, so its absence is a broken record.
        var submission = latestSubmission
            ?? throw new InvalidOperationException($"Application {application.Number} is {application.Status} but has no submission to print.");
        if (submission.ApplicationId != application.Id)
        {
            throw new ArgumentException("The submission belongs to another application.", nameof(latestSubmission));
        }

        var snapshot = SubmissionSnapshot.Parse(submission.CanonicalJson);
        return new PrintRequest
        {
            Definition = snapshot.Definition,
            RoundYear = snapshot.RoundYear,
            Answers = new FormAnswers(snapshot.Answers),
            ApplicationNumber = snapshot.ApplicationNumber,
            OrganisationName = snapshot.Organisation,
            IsDraft = false,
            Fingerprint = SubmissionSnapshot.Fingerprint(submission.Sha256),
            SubmittedAt = submission.SubmittedAt,
        };
    }
}
