using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;
using static SmeZones.Core.Tests.Review.WorkflowWorld;

namespace SmeZones.Core.Tests.Review;

/// <summary>The review workflow against a real database: return, resubmission, decision, sign-off and the move on.</summary>
public class WorkflowTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Submit_return_resubmit_compare_recommend_and_sign_off_then_nothing_can_change()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan, new Dictionary<string, string>
        {
            ["cover.zoneName"] = "佛山中德合作区",
            ["basic.zoneName"] = "佛山中德合作区",
            ["revenue.total.y3"] = "120",
        });

        var returned = await world.ReturnAsync(Guangdong, id, "请补充近三年数据来源。", ("basic", "营业总收入与统计公报不一致，请核实。"));

        Assert.True(returned.Succeeded, string.Join("；", returned.Errors.Select(e => e.Message)));
        var afterReturn = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Returned, 0, 1), (afterReturn.Status, afterReturn.CurrentStageOrder, afterReturn.ReachedStageOrder));
        Assert.True(await world.VisibleToAsync(Guangdong, id), "The returning reviewer keeps sight of what it returned.");
        await using (var db = world.NewContext())
        {
            var request = await db.RevisionRequests.SingleAsync(r => r.ApplicationId == id);
            Assert.Equal((1, 1, "请补充近三年数据来源。"), (request.StageOrder, request.ReturnedSubmissionSequence, request.GeneralComment));
            Assert.Equal("营业总收入与统计公报不一致，请核实。", request.SectionComments["basic"]);
            Assert.Null(request.ResolvedAt);
            var notice = (await ReviewWorkflowNotices.ForApplicantAsync(db, id)).Revision!;
            var section = Assert.Single(notice.Sections);
            Assert.Equal(SectionProgressReport.Headings(world.Definition).Single(h => h.Key == "basic"), (section.Key, section.Heading));
            Assert.Equal("营业总收入与统计公报不一致，请核实。", section.Comment);
        }
        var whileReturned = await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend);
        Assert.Contains("已退回申报单位修改", Assert.Single(whileReturned.Errors).Message, StringComparison.Ordinal);

        await world.ResubmitAsync(id, Foshan, new Dictionary<string, string?> { ["revenue.total.y3"] = "118.5" });

        var resubmitted = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Submitted, 1), (resubmitted.Status, resubmitted.CurrentStageOrder));
        await using (var db = world.NewContext())
        {
            Assert.NotNull((await db.RevisionRequests.SingleAsync(r => r.ApplicationId == id)).ResolvedAt);
            Assert.Null((await ReviewWorkflowNotices.ForApplicantAsync(db, id)).Revision);
            Assert.Equal((1, 2), await SubmissionDiff.DefaultPairAsync(db, id));
            var comparison = await SubmissionDiff.CompareAsync(db, id, 1, 2);
            var change = Assert.Single(comparison!.Changes);
            Assert.Equal(("revenue.total.y3", "120 亿元", "118.5 亿元"), (change.Key, change.Before, change.After));
            Assert.Equal(SectionProgressReport.Headings(world.Definition).Single(h => h.Key == "basic").Heading, change.SectionHeading);
        }

        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend, opinion: "同意推荐。")).Succeeded);
        var signed = await world.SignOffAsync(Guangdong, id);

        Assert.True(signed.Succeeded, string.Join("；", signed.Errors.Select(e => e.Message)));
        var review = (await world.ReviewAsync(id, 1))!;
        Assert.Equal(ReviewDecision.Recommend, review.Decision);
        Assert.Equal($"签发人{Guangdong}", review.SignedOffByName);
        Assert.NotNull(review.SignedOffAt);
        Assert.Equal("zone-2024", AssessmentJson.Deserialize(review.AssessmentJson!).CriteriaEditionKey);
        var forwarded = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Submitted, 2, 2), (forwarded.Status, forwarded.CurrentStageOrder, forwarded.ReachedStageOrder));

        var changeAfter = await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "改变主意");
        var returnAfter = await world.ReturnAsync(Guangdong, id, "再改一次");
        var signAgain = await world.SignOffAsync(Guangdong, id);
        foreach (var refused in new[] { changeAfter, returnAfter, signAgain })
        {
            Assert.Contains("签发，不能再修改", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        }
        Assert.Equal(review.Version, (await world.ReviewAsync(id, 1))!.Version);
        Assert.Equal(1, (await world.QuotaAsync(Guangdong))!.Used);
        Assert.Equal(
            ["Submitted", "ReturnedForRevision", "Resubmitted", "QuotaTaken", "DecisionRecorded", "ForwardedToStage", "SignedOff"],
            await world.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_return_needs_at_least_one_comment_and_changes_nothing_without_one()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);

        var outcome = await world.ReturnAsync(Guangdong, id, "  ", ("basic", ""));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(ReviewWorkflow.GeneralField, error.Key);
        Assert.Contains("至少填写一条", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await world.ApplicationAsync(id)).Status);
    }

    [Fact]
    public async Task Not_recommending_needs_a_reason_which_the_applicant_then_reads()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);

        var withoutReason = await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: " ", opinion: null);
        var recommendWithoutOpinion = await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend, opinion: "");

        Assert.Equal(ReviewWorkflow.ReasonField, Assert.Single(withoutReason.Errors).Key);
        Assert.Equal(ReviewWorkflow.OpinionField, Assert.Single(recommendWithoutOpinion.Errors).Key);
        Assert.Null(await world.ReviewAsync(id, 1));
        Assert.Null(await world.QuotaAsync(Guangdong));

        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "外资企业不足10家。", opinion: null)).Succeeded);
        await using (var db = world.NewContext())
        {
            Assert.Null((await ReviewWorkflowNotices.ForApplicantAsync(db, id)).NotRecommended); // a draft until signed off
        }
        Assert.True((await world.SignOffAsync(Guangdong, id)).Succeeded);

        var application = await world.ApplicationAsync(id);
        Assert.Equal(ApplicationStatus.NotRecommended, application.Status);
        Assert.Equal((1, 1), (application.CurrentStageOrder, application.ReachedStageOrder)); // never forwarded
        await using var read = world.NewContext();
        var notice = (await ReviewWorkflowNotices.ForApplicantAsync(read, id)).NotRecommended!;
        Assert.Equal("外资企业不足10家。", notice.Reason);
    }

    [Fact]
    public async Task Sign_off_needs_a_saved_decision_and_the_confirmation()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);

        var undecided = await world.SignOffAsync(Guangdong, id);
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "不符合条件")).Succeeded);
        var unconfirmed = await world.SignOffAsync(Guangdong, id, confirmed: false);

        Assert.Contains("请先保存", Assert.Single(undecided.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(ReviewWorkflow.ConfirmField, Assert.Single(unconfirmed.Errors).Key);
        Assert.Null((await world.ReviewAsync(id, 1))!.SignedOffAt);
        Assert.Equal(ApplicationStatus.Submitted, (await world.ApplicationAsync(id)).Status);
    }

    [Fact]
    public async Task A_recommendation_signed_off_at_one_stage_reaches_the_next_and_the_last_stages_recommendation_approves_it()
    {
        // County → prefecture → province → ministry, as cluster rounds run.
        var world = await CreateAsync(fixture, chain: Chain.CountyToMinistry);
        var id = await world.SubmitNewAsync(Nanhai);
        Assert.False(await world.VisibleToAsync(Guangdong, id), "The province does not see what the prefecture has not passed on.");
        Assert.True((await world.DecideAsync(FoshanReviewer, id, ReviewDecision.Recommend)).Succeeded);
        Assert.False(await world.VisibleToAsync(Guangdong, id), "Nor what the prefecture decided but has not signed off.");

        Assert.True((await world.SignOffAsync(FoshanReviewer, id)).Succeeded);

        Assert.True(await world.VisibleToAsync(Guangdong, id), "After sign-off it is in the province's reach.");
        var atProvince = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Submitted, 2, 2), (atProvince.Status, atProvince.CurrentStageOrder, atProvince.ReachedStageOrder));
        Assert.Null(await world.QuotaAsync(FoshanReviewer)); // the prefecture stage has no quota: no row needed
        Assert.Single((await world.DecideAsync(FoshanReviewer, id, ReviewDecision.NotRecommend, reason: "撤回")).Errors);

        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)).Succeeded);
        Assert.True((await world.SignOffAsync(Guangdong, id)).Succeeded);
        Assert.Equal(3, (await world.ApplicationAsync(id)).CurrentStageOrder);
        Assert.True((await world.DecideAsync(Ministry, id, ReviewDecision.Recommend, opinion: "同意认定。")).Succeeded);
        Assert.True((await world.SignOffAsync(Ministry, id)).Succeeded);

        var approved = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Approved, 3), (approved.Status, approved.ReachedStageOrder));
        Assert.Equal((1, 8), ((await world.QuotaAsync(Guangdong, stage: 2))!.Used, (await world.QuotaAsync(Guangdong, stage: 2))!.Limit));
        Assert.NotNull((await world.ReviewAsync(id, 3))!.AssessmentJson);
        Assert.Equal(2, (await world.AuditActionsAsync(id)).Count(a => a == "ForwardedToStage"));
    }

    [Fact]
    public async Task A_resubmission_goes_back_to_the_stage_that_returned_it()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)).Succeeded);
        Assert.True((await world.SignOffAsync(Guangdong, id)).Succeeded);

        Assert.True((await world.ReturnAsync(Ministry, id, null, ("cover", "封面盖章页缺失。"))).Succeeded);
        await world.ResubmitAsync(id, Foshan, new Dictionary<string, string?> { ["cover.contact"] = "张三" });

        var application = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Submitted, 2, 2), (application.Status, application.CurrentStageOrder, application.ReachedStageOrder));
        Assert.True((await world.DecideAsync(Ministry, id, ReviewDecision.Recommend)).Succeeded);
    }

    [Fact]
    public async Task A_decision_made_on_a_stale_page_is_refused()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "初判")).Succeeded);
        var seen = (await world.ReviewAsync(id, 1))!.Version;
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "他人修改")).Succeeded);

        var stale = await world.AsAsync(Guangdong, id, (db, position, actor) => ReviewWorkflow.DecideAsync(db, position, actor,
            new DecisionInput(ReviewDecision.Recommend, null, "同意推荐。", seen), DateTimeOffset.UtcNow));

        Assert.Contains("其他人已修改", Assert.Single(stale.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("他人修改", (await world.ReviewAsync(id, 1))!.DecisionReason);
        Assert.Null(await world.QuotaAsync(Guangdong));
    }

    [Fact]
    public async Task A_reviewer_acts_only_at_its_own_stage_and_only_as_a_reviewer()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);

        await using var db = world.NewContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).SingleAsync(a => a.Id == id);
        var ministry = await StagePosition.LoadAsync(db, application, world.ViewerOf(Ministry));
        var applicant = await StagePosition.LoadAsync(db, application, world.ViewerOf(Foshan));

        Assert.Equal((2, "该申报尚未报送至本级，暂不能审核。"), (ministry.Stage!.Order, ministry.Refusal));
        Assert.Contains("只有审核单位", applicant.Refusal, StringComparison.Ordinal);
    }
}
