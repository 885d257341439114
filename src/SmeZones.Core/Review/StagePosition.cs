using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Review;

/// <summary>What a reviewing unit does to an application at its own stage of the chain.</summary>
public enum ReviewAction
{
    Score,
    SiteCheck,
    Return,
    Decide,
    SignOff,
}

/// <summary>
/// Where the viewer's organisation stands with an application: the round's stage at its level, that stage's review,
/// the stage the application waits at, and which <see cref="ReviewAction"/>s it may take now. The one answer to "may
/// this reviewer do this here": every review page loads it once per request (<see cref="LoadAsync"/>) and every review
/// step takes it. All actions need the same thing, that the application waits at the viewer's stage and that stage is
/// not signed off; a step's own preconditions (a decision before sign-off) are named by <see cref="RefusalFor"/>.
/// </summary>
/// <param name="Stage">The round's stage at the viewer's level; null for applicants, experts and levels the round skips.</param>
/// <param name="Review">That stage's review, when one was started (tracked, so a step can change it).</param>
/// <param name="Refusal">Why the viewer may act on nothing here now (Chinese); null when it may.</param>
public sealed record StagePosition(Application Application, Viewer Viewer, ReviewStage? Stage, StageReview? Review, string? Refusal)
{
    /// <summary>The stage the application waits at; null unless it is submitted and held somewhere in the chain.</summary>
    public ReviewStage? WaitingAt =>
        Application.Status == ApplicationStatus.Submitted ? Application.Campaign?.Stage(Application.CurrentStageOrder) : null;

    /// <summary>The viewer's organisation reviews at a stage of this round (a reviewer or the ministry, at its level).</summary>
    public bool ReviewsInRound => Stage is not null && IsReviewingRole(Viewer);

    /// <summary>The application has reached the viewer's stage, so that stage's scores, checks and decision are its to read.</summary>
    public bool Reached => Stage is not null && Application.ReachedStageOrder >= Stage.Order;

    /// <summary>The application waits at the viewer's stage, unsigned: every action is open, subject to <see cref="RefusalFor"/>.</summary>
    public bool CanAct => Refusal is null;

    /// <summary>Why <paramref name="action"/> may not be taken now (Chinese); null when it may.</summary>
    public string? RefusalFor(ReviewAction action) => Refusal ?? action switch
    {
        ReviewAction.SignOff when Review is not { Decision: not ReviewDecision.Undecided } => "请先保存“推荐”或“不予推荐”的结论，再签发。",
        _ => null,
    };

    public bool Allows(ReviewAction action) => RefusalFor(action) is null;

    /// <summary>
    /// The position of <paramref name="viewer"/> on <paramref name="application"/>, which must be one the viewer reaches
    /// (<see cref="ApplicationAccess.FindVisibleAsync"/>) and be loaded with its campaign's stages.
    /// </summary>
    public static async Task<StagePosition> LoadAsync(PortalDbContext db, Application application, Viewer viewer, CancellationToken ct = default)
    {
        var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign and its stages with the application.");
        if (!IsReviewingRole(viewer))
        {
            var refusal = viewer.IsIn(Roles.Expert) ? "评审专家只能查看，不能录入。" : "只有审核单位和部级用户可以审核申报。";
            return new StagePosition(application, viewer, null, null, refusal);
        }
        var stage = campaign.StageFor(viewer.OrganisationLevel);
        if (stage is null)
        {
            return new StagePosition(application, viewer, null, null, $"本批次没有{viewer.OrganisationLevel.ToChinese()}审核环节，本单位不能审核。");
        }
        var review = await db.StageReviews.SingleOrDefaultAsync(r => r.ApplicationId == application.Id && r.StageOrder == stage.Order, ct);
        return new StagePosition(application, viewer, stage, review, RefusalAt(application, stage, review));
    }

    private static bool IsReviewingRole(Viewer viewer) => viewer.IsIn(Roles.Reviewer) || viewer.IsIn(Roles.Ministry);

    private static string? RefusalAt(Application application, ReviewStage stage, StageReview? review)
    {
        if (review is { SignedOffAt: { } signedAt })
        {
            return $"本级审核结论已于 {ChinaTime.Format(signedAt)} 由 {review.SignedOffByName} 签发，不能再修改。";
        }
        return application.Status switch
        {
            ApplicationStatus.Submitted when application.CurrentStageOrder == stage.Order => null,
            ApplicationStatus.Submitted when application.CurrentStageOrder < stage.Order => "该申报尚未报送至本级，暂不能审核。",
            ApplicationStatus.Submitted => "该申报已报送至上级审核环节，本级不能再操作。",
            ApplicationStatus.Returned => "该申报已退回申报单位修改，重新提交后才能继续审核。",
            ApplicationStatus.Draft => "该申报尚未提交，不能审核。",
            _ => $"该申报的审核已结束（{application.Status.ToChinese()}），不能再操作。",
        };
    }
}
