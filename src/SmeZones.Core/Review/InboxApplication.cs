using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Review;

/// <summary>
/// One application as the review workspace reads it: the latest submission's snapshot (never the live draft, which
/// the applicant may be changing after a return), its assessment, and the viewer's own stage of the round.
/// </summary>
/// <param name="Snapshot">Null while nothing was submitted (an application moved on by other means has none).</param>
/// <param name="Assessment">Null without a snapshot, or when the round's criteria do not read the snapshot's edition.</param>
/// <param name="Stage">The round's stage at the viewer's level, when the application has reached it; null otherwise.</param>
/// <param name="Review">The viewer's stage's review, when one was started.</param>
/// <param name="CanWrite">A reviewer or ministry officer whose stage holds or held the application (experts only read).</param>
public sealed record ReviewedApplication(
    Application Application,
    Submission? Submission,
    SubmissionSnapshot? Snapshot,
    AssessmentResult? Assessment,
    ReviewStage? Stage,
    StageReview? Review,
    bool CanWrite)
{
    /// <summary>The answers as submitted (empty without a submission).</summary>
    public FormAnswers Answers => new(Snapshot?.Answers ?? []);

    /// <summary>The application waits at the viewer's stage and its review is not signed off: scoring, returning, deciding apply.</summary>
    public bool CanAct =>
        CanWrite && Stage is not null && Application.CurrentStageOrder == Stage.Order
        && Application.Status == ApplicationStatus.Submitted && Review?.IsSignedOff != true;

    /// <summary>Why the viewer cannot record anything here, in Chinese; null when it can.</summary>
    public string? ReadOnlyReason =>
        CanWrite ? null
        : Stage is null ? "该申报尚未报送至本级，本级只能查看"
        : "评审专家只能查看，不能录入";
}

/// <summary>One answer as the reviewer reads it: the form's label for the round and the answer's words.</summary>
public sealed record AnswerLine(string Key, string Label, string Text);

/// <summary>The submitted answers of one section of the form (the cover counts as one).</summary>
public sealed record AnsweredSection(string Key, string Heading, IReadOnlyList<AnswerLine> Answers);

public static class InboxApplication
{
    /// <summary>Text shown for a required answer left blank (a submission checked on the server has none, but an old one might).</summary>
    public const string Blank = "（未填写）";
    /// <summary>The application with its latest submission and assessment, or null when the viewer may not reach it (404).</summary>
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
            assessment = TryAssess(application.Campaign!, snapshot.Definition, new FormAnswers(snapshot.Answers), settings);
        }
        var stage = StageOf(application, viewer);
        var review = stage is null ? null
            : await db.StageReviews.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == id && r.StageOrder == stage.Order, ct);
        var canWrite = stage is not null && (viewer.IsIn(Roles.Reviewer) || viewer.IsIn(Roles.Ministry));
        return new ReviewedApplication(application, submission, snapshot, assessment, stage, review, canWrite);
    }

    /// <summary>The round's stage at the viewer's level, once the application has reached it.</summary>
    public static ReviewStage? StageOf(Application application, Viewer viewer) =>
        application.Campaign?.StageFor(viewer.OrganisationLevel) is { } stage && stage.Order <= application.ReachedStageOrder ? stage : null;

    /// <summary>
    /// The answers section by section in printed order, with the form's labels. Unticked boxes and optional blanks are
    /// left out (a form's plan table alone has dozens); a required answer that is blank is listed as such.
    /// </summary>
    public static IReadOnlyList<AnsweredSection> AnswersBySection(FormDefinition definition, int roundYear, FormAnswers answers)
    {
        var slots = FormAnswerKeys.For(definition, roundYear).ToLookup(s => s.SectionKey, StringComparer.Ordinal);
        return SectionProgressReport.Headings(definition).Select(h => new AnsweredSection(h.Key, h.Heading, slots[h.Key]
            .Select(slot => (Slot: slot, Text: AnswerDisplay.Text(slot, answers)))
            .Where(a => a.Text.Length > 0 || (a.Slot.Kind != SlotKind.Flag && a.Slot.RequiredWhen == RequiredWhen.Always && a.Slot.FilledBy == FieldFiller.Applicant))
            .Select(a => new AnswerLine(a.Slot.Key, a.Slot.Label, a.Text.Length > 0 ? a.Text : Blank))
            .ToList())).ToList();
    }

    /// <summary>
    /// The assessment, or null when the round's criteria edition is unknown or does not read this form edition: a
    /// misconfigured round must not take the page (or an applicant's save) down with it.
    /// </summary>
    public static AssessmentResult? TryAssess(Campaign campaign, FormDefinition definition, FormAnswers answers, AssessmentSettings settings) =>
        CriteriaEditions.ForForm(definition.Key).Any(e => e.Key == campaign.CriteriaEditionKey)
            ? AssessmentEngine.Assess(campaign.CriteriaEditionKey, definition, campaign.Year, answers, settings)
            : null;
}
