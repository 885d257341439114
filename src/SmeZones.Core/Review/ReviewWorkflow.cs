using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Review;

/// <summary>
/// The reviewing authority's steps on an application at its own stage of the chain: return for revision (退回修改),
/// decide (推荐 / 不予推荐, within the unit's quota) and sign off (签发), which locks the decision and moves the application
/// on. Each step writes its audit events in the same transaction as the change. The application must be one the viewer
/// reaches (<see cref="ApplicationAccess.FindVisibleAsync"/>), tracked by <paramref name="db"/>, with its campaign's stages;
/// the viewer's <see cref="StagePosition"/> on it says whether the step may be taken.
/// After a refusal that came from the database (a conflict, the quota) the context's tracked entities are cleared:
/// reload before showing anything.
/// </summary>
public static class ReviewWorkflow
{
    public const int MaxTextLength = 2000;

    // Keys of the inputs errors belong to (OperationError.Key); pages map them to their own input names.
    public const string GeneralField = "general";
    public const string DecisionField = "decision";
    public const string ReasonField = "reason";
    public const string OpinionField = "opinion";
    public const string ConfirmField = "confirm";

    public static string SectionField(string sectionKey) => "section:" + sectionKey;

    private const string ConflictMessage = "操作未成功：在您操作期间，其他人已修改了本申报或本级审核记录。请查看最新内容后再操作。";

    /// <summary>
    /// 退回修改: records the comments against the latest submission and hands the application back to the applicant.
    /// ReachedStageOrder stays, so the reviewer keeps sight of it; the resubmission comes back to this stage.
    /// </summary>
    public static async Task<ReviewOutcome> ReturnAsync(
        PortalDbContext db, StagePosition position, FormDefinition definition, Actor actor, RevisionInput input,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (position.RefusalFor(ReviewAction.Return) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }
        var (application, viewer) = (position.Application, position.Viewer);
        var headings = SectionProgressReport.Headings(definition).ToDictionary(h => h.Key, h => h.Heading, StringComparer.Ordinal);
        var errors = new List<OperationError>();
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in input.SectionComments)
        {
            if (Clean(value) is not { } text)
            {
                continue;
            }
            if (!headings.TryGetValue(key, out var heading))
            {
                errors.Add(OperationError.ForRequest($"申报表没有“{key}”这一部分，该意见未能保存。"));
                continue;
            }
            if (text.Length > MaxTextLength)
            {
                errors.Add(new OperationError(SectionField(key), $"“{heading}”的修改意见不能超过 {MaxTextLength} 字（现有 {text.Length} 字）。"));
            }
            comments[key] = text;
        }
        var general = Clean(input.GeneralComment);
        if (general is { Length: > MaxTextLength })
        {
            errors.Add(new OperationError(GeneralField, $"总体意见不能超过 {MaxTextLength} 字（现有 {general.Length} 字）。"));
        }
        if (comments.Count == 0 && general is null && errors.Count == 0)
        {
            errors.Add(new OperationError(GeneralField, "请至少填写一条修改意见（某一部分的意见或总体意见），申报单位将按意见修改。"));
        }
        if (errors.Count > 0)
        {
            return new ReviewOutcome(errors);
        }

        var stage = position.Stage!;
        var sequence = await db.Submissions.Where(s => s.ApplicationId == application.Id).MaxAsync(s => (int?)s.Sequence, ct) ?? 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (position.Review is { Decision: not ReviewDecision.Undecided } review)
        {
            // The decision was about the submission being returned; the resubmission is decided afresh, and a place
            // held for it must not stay taken while the applicant revises.
            await WithdrawRecommendationAsync(db, application, stage, review, actor, now, ct);
            review.Decision = ReviewDecision.Undecided;
            review.DecidedAt = null;
            review.DecidedById = null;
            review.UpdatedAt = now;
        }
        var request = new RevisionRequest
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            StageOrder = stage.Order,
            OrganisationId = viewer.OrganisationId,
            SectionComments = comments,
            GeneralComment = general,
            ReturnedAt = now,
            ReturnedById = actor.UserId ?? Guid.Empty,
            ReturnedSubmissionSequence = sequence,
        };
        db.RevisionRequests.Add(request);
        application.Status = ApplicationStatus.Returned;
        application.CurrentStageOrder = 0;
        application.UpdatedAt = now;
        db.Record(actor, "ReturnedForRevision", nameof(Application), application.Id.ToString(),
            $"{stage.Name}退回修改 {application.Number}",
            new { revisionRequestId = request.Id, stage = stage.Order, sections = comments.Keys, hasGeneralComment = general is not null, returnedSubmission = sequence });
        await Notifications.Notifications.ReturnedForRevisionAsync(db, application, stage, now, ct);
        return await CommitAsync(db, transaction, ct);
    }

    /// <summary>
    /// Records 推荐 or 不予推荐 at the viewer's stage. Recommending takes one of the unit's places in the database, in the
    /// same transaction; changing a recommendation before sign-off gives it back. 不予推荐 needs a reason (the applicant
    /// sees it); 推荐 needs the 推荐意见, which the form's opinion place prints (<see cref="StageOpinions"/>).
    /// </summary>
    public static async Task<ReviewOutcome> DecideAsync(
        PortalDbContext db, StagePosition position, Actor actor, DecisionInput input, DateTimeOffset now, CancellationToken ct = default)
    {
        if (position.RefusalFor(ReviewAction.Decide) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }
        var (application, viewer) = (position.Application, position.Viewer);
        var reason = Clean(input.Reason);
        var opinion = Clean(input.Opinion);
        var errors = new List<OperationError>();
        if (input.Decision is not (ReviewDecision.Recommend or ReviewDecision.NotRecommend))
        {
            errors.Add(new OperationError(DecisionField, "请选择“推荐”或“不予推荐”。"));
        }
        if (input.Decision == ReviewDecision.NotRecommend && reason is null)
        {
            errors.Add(new OperationError(ReasonField, "不予推荐必须填写理由，申报单位将看到该理由。"));
        }
        if (input.Decision == ReviewDecision.Recommend && opinion is null)
        {
            errors.Add(new OperationError(OpinionField, "推荐必须填写推荐意见。"));
        }
        if (reason is { Length: > MaxTextLength })
        {
            errors.Add(new OperationError(ReasonField, $"理由不能超过 {MaxTextLength} 字（现有 {reason.Length} 字）。"));
        }
        if (opinion is { Length: > MaxTextLength })
        {
            errors.Add(new OperationError(OpinionField, $"推荐意见不能超过 {MaxTextLength} 字（现有 {opinion.Length} 字）。"));
        }
        if (errors.Count > 0)
        {
            return new ReviewOutcome(errors);
        }
        if ((position.Review?.Version ?? 0) != input.Version)
        {
            return ReviewOutcome.Refused(ConflictMessage);
        }

        var stage = position.Stage!;
        var review = position.Review;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (review is null)
        {
            review = new StageReview
            {
                Id = Guid.NewGuid(),
                ApplicationId = application.Id,
                StageOrder = stage.Order,
                OrganisationId = viewer.OrganisationId,
                UpdatedAt = now,
            };
            db.StageReviews.Add(review);
        }
        var previous = review.Decision;
        if (input.Decision == ReviewDecision.Recommend && previous != ReviewDecision.Recommend
            && QuotaLedger.LimitFor(stage, viewer.RegionCode) is { } limit)
        {
            if (!await QuotaLedger.TryTakeAsync(db, application.CampaignId, stage.Order, review.OrganisationId, limit, ct))
            {
                var stored = await QuotaLedger.StoredLimitAsync(db, application.CampaignId, stage, review.OrganisationId, viewer.RegionCode, ct) ?? limit;
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ReviewOutcome.Refused($"本单位在本批次的推荐名额（{stored} 个）已用完，不能再推荐。", DecisionField);
            }
            db.Record(actor, "QuotaTaken", nameof(Application), application.Id.ToString(),
                $"{stage.Name}占用推荐名额 {application.Number}", new { campaignId = application.CampaignId, stage = stage.Order, organisationId = review.OrganisationId, limit });
        }
        else if (previous == ReviewDecision.Recommend && input.Decision != ReviewDecision.Recommend)
        {
            await WithdrawRecommendationAsync(db, application, stage, review, actor, now, ct);
        }
        review.Decision = input.Decision;
        review.DecisionReason = input.Decision == ReviewDecision.NotRecommend ? reason : null;
        review.Opinion = opinion;
        review.DecidedAt = now;
        review.DecidedById = actor.UserId;
        review.UpdatedAt = now;
        db.Record(actor, "DecisionRecorded", nameof(Application), application.Id.ToString(),
            $"{stage.Name}：{ReviewDecisionWords.Of(input.Decision)} {application.Number}",
            new { stageReviewId = review.Id, stage = stage.Order, decision = input.Decision.ToString(), previous = previous.ToString(), reason, opinion });
        return await CommitAsync(db, transaction, ct);
    }

    /// <summary>
    /// 签发: locks the stage's decision with who signed and when, keeps the assessment of the latest submission as it
    /// stands, and moves the application: a recommendation goes on to the next stage's inbox (or, at the last stage,
    /// is approved); 不予推荐 ends it.
    /// </summary>
    public static async Task<ReviewOutcome> SignOffAsync(
        PortalDbContext db, StagePosition position, Actor actor, SignOffInput input, DateTimeOffset now, CancellationToken ct = default)
    {
        if (position.RefusalFor(ReviewAction.SignOff) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }
        var application = position.Application;
        var review = position.Review!;
        if (!input.Confirmed)
        {
            return ReviewOutcome.Refused("请勾选确认后再签发；签发后本级结论不能再修改。", ConfirmField);
        }
        if (review.Version != input.Version)
        {
            return ReviewOutcome.Refused(ConflictMessage);
        }
        var latest = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return ReviewOutcome.Refused("没有找到该申报的提交记录，不能签发。");
        }

        var stage = position.Stage!;
        var snapshot = SubmissionSnapshot.Parse(latest.CanonicalJson);
        var settings = await ApplicationAssessment.SettingsForAsync(db, application, ct);
        var assessment = ApplicationAssessment.Assess(application, snapshot.Definition, new FormAnswers(snapshot.Answers), settings);
        review.KeepAssessment(assessment);
        review.SignedOffAt = now;
        review.SignedOffById = actor.UserId;
        review.SignedOffByName = input.SignerName;
        review.UpdatedAt = now;
        var id = application.Id.ToString();
        var next = review.Decision == ReviewDecision.Recommend ? application.Campaign!.StageAfter(stage.Order) : null;
        if (next is not null)
        {
            application.CurrentStageOrder = next.Order;
            application.ReachedStageOrder = Math.Max(application.ReachedStageOrder, next.Order);
            db.Record(actor, "ForwardedToStage", nameof(Application), id, $"{application.Number} 报送至{next.Name}", new { from = stage.Order, to = next.Order });
        }
        else
        {
            application.Status = review.Decision == ReviewDecision.Recommend ? ApplicationStatus.Approved : ApplicationStatus.NotRecommended;
        }
        application.UpdatedAt = now;
        db.Record(actor, "SignedOff", nameof(Application), id, $"{stage.Name}签发：{ReviewDecisionWords.Of(review.Decision)} {application.Number}",
            new { stageReviewId = review.Id, stage = stage.Order, decision = review.Decision.ToString(), signer = input.SignerName, submission = latest.Sequence, status = application.Status.ToString() });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await Notifications.Notifications.SignedOffAsync(db, application, stage, review, next, now, ct);
        return await CommitAsync(db, transaction, ct);
    }

    private static async Task WithdrawRecommendationAsync(
        PortalDbContext db, Application application, ReviewStage stage, StageReview review, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (review.Decision == ReviewDecision.Recommend
            && await QuotaLedger.ReleaseAsync(db, application.CampaignId, stage.Order, review.OrganisationId, ct))
        {
            db.Record(actor, "QuotaReleased", nameof(Application), application.Id.ToString(),
                $"{stage.Name}退还推荐名额 {application.Number}", new { campaignId = application.CampaignId, stage = stage.Order, organisationId = review.OrganisationId });
        }
    }

    private static async Task<ReviewOutcome> CommitAsync(
        PortalDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ReviewOutcome.Done;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone changed the application or the stage review since it was read (xmin), or created the stage's
            // review at the same moment (unique index): nothing of this step is kept, quota place included.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return ReviewOutcome.Refused(ConflictMessage);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
