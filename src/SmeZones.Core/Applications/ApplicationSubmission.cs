using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>Why a submission was refused, in words for the applicant.</summary>
public sealed record SubmissionRefusal(string Message, IReadOnlyList<OperationError> Errors, IReadOnlyList<string> MissingEvidence);

/// <summary>Submits an application: re-checks everything on the server, then freezes what was submitted.</summary>
public static class ApplicationSubmission
{
    /// <summary>Everything that stands in the way of submitting now; null when nothing does.</summary>
    public static SubmissionRefusal? Check(
        Application application, FormDefinition definition, IReadOnlyCollection<string> missingEvidence, DateTimeOffset now)
    {
        var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign with the application.");
        if (!application.IsEditableByApplicant)
        {
            return new SubmissionRefusal("该申报已提交，不能重复提交。", [], []);
        }
        // A return for revision invites a resubmission even after the round has closed: reviewing (and so returning)
        // happens after the applicants' deadline, and the returned application must be able to come back.
        if (now >= campaign.ClosesAt && application.Status != ApplicationStatus.Returned)
        {
            return new SubmissionRefusal($"本批次已于 {ChinaTime.Format(campaign.ClosesAt)} 截止，不能再提交。", [], []);
        }
        // ...until the returning stage's own deadline: a return is answered at the stage that made it, which is the
        // stage the application had reached (stages only move forward).
        if (now >= campaign.ClosesAt && application.Status == ApplicationStatus.Returned
            && campaign.Stage(application.ReachedStageOrder) is { Deadline: { } stageDeadline } returning && now >= stageDeadline)
        {
            return new SubmissionRefusal($"{returning.Name}已于 {ChinaTime.Format(stageDeadline)} 截止，退回修改的申报不能再重新提交。", [], []);
        }
        if (now < campaign.OpensAt)
        {
            return new SubmissionRefusal($"本批次将于 {ChinaTime.Format(campaign.OpensAt)} 开始受理。", [], []);
        }
        var errors = FormValidation.Validate(definition, campaign.Year, new FormAnswers(application.Answers), ValidationMode.Submit).Errors;
        return errors.Count > 0 || missingEvidence.Count > 0
            ? new SubmissionRefusal($"申报表还有 {errors.Count} 处需要填写或修改，{missingEvidence.Count} 项佐证材料尚未上传。", errors, missingEvidence.ToList())
            : null;
    }

    /// <summary>
    /// Stores the immutable snapshot and moves the application to the first review stage, in one transaction
    /// with the audit event. A resubmission after a return for revision goes back to the stage that returned it
    /// (not always the first) and resolves that return. The caller has already had <see cref="Check"/> return null.
    /// </summary>
    public static async Task<Submission> SubmitAsync(
        PortalDbContext db, Application application, FormDefinition definition, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var campaign = application.Campaign!;
        var sequence = await db.Submissions.CountAsync(s => s.ApplicationId == application.Id, ct) + 1;
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.ApplicationId == application.Id)
            .OrderBy(e => e.SlotKey).ThenBy(e => e.UploadedAt)
            .Select(e => new SnapshotEvidence(e.SlotKey, e.FileName, e.SizeBytes, e.Sha256)).ToListAsync(ct);
        var snapshot = new SubmissionSnapshot
        {
            ApplicationId = application.Id,
            ApplicationNumber = application.Number,
            Sequence = sequence,
            CampaignName = campaign.Name,
            RoundYear = campaign.Year,
            Organisation = application.Organisation?.Name ?? "",
            SubmittedAt = now,
            SubmittedBy = actor.UserName,
            Definition = definition,
            Answers = new SortedDictionary<string, string>(application.Answers, StringComparer.Ordinal),
            Evidence = evidence,
        };
        var json = snapshot.ToCanonicalJson();
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Sequence = sequence,
            SubmittedAt = now,
            SubmittedById = actor.UserId ?? Guid.Empty,
            CanonicalJson = json,
            Sha256 = SubmissionSnapshot.HashOf(json),
        };
        db.Submissions.Add(submission);

        var firstStage = campaign.FirstStage ?? throw new InvalidOperationException($"Campaign {campaign.Id} has no review stage.");
        var openReturn = await db.RevisionRequests
            .Where(r => r.ApplicationId == application.Id && r.ResolvedAt == null)
            .OrderByDescending(r => r.ReturnedAt).FirstOrDefaultAsync(ct);
        var stage = openReturn is null ? firstStage : campaign.Stage(openReturn.StageOrder) ?? firstStage;
        application.Status = ApplicationStatus.Submitted;
        application.CurrentStageOrder = stage.Order;
        application.ReachedStageOrder = Math.Max(application.ReachedStageOrder, stage.Order);
        application.SubmittedAt = now;
        application.UpdatedAt = now;
        if (openReturn is null)
        {
            db.Record(actor, "Submitted", nameof(Application), application.Id.ToString(),
                $"提交申报 {application.Number}（第 {sequence} 次）", new { submission.Sha256, sequence, stage = stage.Name });
        }
        else
        {
            openReturn.ResolvedAt = now;
            db.Record(actor, "Resubmitted", nameof(Application), application.Id.ToString(),
                $"按退回意见修改后重新提交 {application.Number}（第 {sequence} 次）",
                new { submission.Sha256, sequence, stage = stage.Name, revisionRequestId = openReturn.Id, returnedSubmission = openReturn.ReturnedSubmissionSequence });
        }
        // One SaveChanges is one transaction: the snapshot, the move, the resolved return and the audit event together.
        await db.SaveChangesAsync(ct);
        return submission;
    }
}
