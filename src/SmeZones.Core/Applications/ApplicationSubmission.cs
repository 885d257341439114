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
        var formErrors = FormValidation.Validate(definition, campaign.Year, new FormAnswers(application.Answers), ValidationMode.Submit).Errors;
        var summaryErrors = SummaryErrors(definition, application);
        IReadOnlyList<OperationError> errors = [.. formErrors, .. summaryErrors];
        if (errors.Count == 0 && missingEvidence.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (formErrors.Count > 0) { parts.Add($"申报表还有 {formErrors.Count} 处需要填写或修改"); }
        if (summaryErrors.Count > 0) { parts.Add($"推荐汇总表信息还有 {summaryErrors.Count} 处需要填写或保存"); }
        if (missingEvidence.Count > 0) { parts.Add($"{missingEvidence.Count} 项佐证材料尚未上传"); }
        return new SubmissionRefusal(string.Join("，", parts) + "。", errors, missingEvidence.ToList());
    }

    /// <summary>Key of the error about the 推荐汇总表's 重点合作国别（区域） line.</summary>
    public const string SummaryPartnersKey = "summary.partnerCountries";

    /// <summary>Key of the error about the 推荐汇总表's 简介.</summary>
    public const string SummaryIntroKey = "summary.profile";

    /// <summary>
    /// The applicant's lines of the 推荐汇总表 are part of what is submitted: the table prints them as saved, so a
    /// composed draft the applicant never saved would print as a blank 简介.
    /// </summary>
    public static IReadOnlyList<OperationError> SummaryErrors(FormDefinition definition, Application application)
    {
        if (definition.Summary is not { } summary)
        {
            return [];
        }
        var errors = new List<OperationError>();
        if (summary.Columns.Any(c => c.Key == "partnerCountries") && string.IsNullOrWhiteSpace(application.SummaryPartners))
        {
            errors.Add(new OperationError(SummaryPartnersKey, "推荐汇总表信息：请填写重点合作国别（区域）"));
        }
        if (string.IsNullOrWhiteSpace(application.SummaryIntro))
        {
            errors.Add(new OperationError(SummaryIntroKey, "推荐汇总表信息：简介尚未保存（平台生成的是草稿，请核对后保存）"));
        }
        return errors;
    }

    /// <summary>The immutable record of a snapshot: its canonical JSON and that text's SHA-256 (the one place a submission is made).</summary>
    public static Submission Freeze(SubmissionSnapshot snapshot, Guid submittedById)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = snapshot.ToCanonicalJson();
        return new Submission
        {
            Id = Guid.NewGuid(),
            ApplicationId = snapshot.ApplicationId,
            Sequence = snapshot.Sequence,
            SubmittedAt = snapshot.SubmittedAt,
            SubmittedById = submittedById,
            CanonicalJson = json,
            Sha256 = SubmissionSnapshot.HashOf(json),
        };
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
        var submission = Freeze(snapshot, actor.UserId ?? Guid.Empty);
        db.Submissions.Add(submission);
        // What the lists show of its assessment, stored with it so no list parses the snapshot (ADR 0072).
        var settings = await Assessment.ApplicationAssessment.SettingsForAsync(db, application, ct);
        db.SubmissionSummaries.Add(Review.SubmissionSummaries.Of(submission, campaign, definition, snapshot.Answers, settings, now));

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
        // One SaveChanges is one transaction: the snapshot and its summary, the move, the resolved return and the audit event together.
        await db.SaveChangesAsync(ct);
        return submission;
    }
}
