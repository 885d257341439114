using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;
using static SmeZones.Core.Tests.Review.WorkflowWorld;

namespace SmeZones.Core.Tests.Review;

/// <summary>
/// One permission model for every review step: each status of an application × each action, taken through the real
/// Core operation, is allowed or refused exactly as the reviewer's <see cref="StagePosition"/> says, and a refusal
/// changes nothing.
/// </summary>
public class StagePositionTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    /// <summary>Where the application stands when 广东 (stage 1 of 2) tries an action.</summary>
    public enum Situation
    {
        /// <summary>Submitted and waiting at 广东's stage, nothing decided yet.</summary>
        WaitingUndecided,

        /// <summary>Waiting at 广东's stage with 不予推荐 saved, not signed off.</summary>
        WaitingDecided,

        /// <summary>Returned to the applicant for revision.</summary>
        Returned,

        /// <summary>Recommended, signed off and forwarded to the ministry.</summary>
        SignedOffAndForwarded,
    }

    private const string NotBeforeADecision = "请先保存";
    private const string WhileReturned = "已退回申报单位修改";
    private const string AfterSignOff = "签发，不能再修改";

    public static TheoryData<Situation, ReviewAction, string?> Matrix()
    {
        var data = new TheoryData<Situation, ReviewAction, string?>();
        foreach (var action in Enum.GetValues<ReviewAction>())
        {
            data.Add(Situation.WaitingUndecided, action, action == ReviewAction.SignOff ? NotBeforeADecision : null);
            data.Add(Situation.WaitingDecided, action, null);
            data.Add(Situation.Returned, action, WhileReturned);
            data.Add(Situation.SignedOffAndForwarded, action, AfterSignOff);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_action_in_each_situation_is_allowed_or_refused_as_the_stage_position_says(
        Situation situation, ReviewAction action, string? refusal)
    {
        var world = await CreateAsync(fixture);
        var id = await ArrangeAsync(world, situation);
        await using (var db = world.NewContext())
        {
            var position = await world.PositionAsync(db, Guangdong, id);
            Assert.Equal(refusal is null, position.Allows(action));
            if (refusal is not null)
            {
                Assert.Contains(refusal, position.RefusalFor(action), StringComparison.Ordinal);
            }
        }
        var before = await world.AuditActionsAsync(id);

        var errors = await TakeAsync(world, id, action);

        if (refusal is null)
        {
            Assert.Empty(errors);
            Assert.True((await world.AuditActionsAsync(id)).Count > before.Count, "an allowed action leaves its audit event");
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.True(error.IsForRequest);
            Assert.Contains(refusal, error.Message, StringComparison.Ordinal);
            Assert.Equal(before, await world.AuditActionsAsync(id));
        }
    }

    [Fact]
    public async Task The_position_names_the_stage_the_application_waits_at_and_whether_the_viewer_acts_there()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);

        await using var db = world.NewContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).SingleAsync(a => a.Id == id);
        var guangdong = await StagePosition.LoadAsync(db, application, world.ViewerOf(Guangdong));
        var ministry = await StagePosition.LoadAsync(db, application, world.ViewerOf(Ministry));
        var applicant = await StagePosition.LoadAsync(db, application, world.ViewerOf(Foshan));

        Assert.Equal((1, 1, true, true, true), (guangdong.WaitingAt!.Order, guangdong.Stage!.Order, guangdong.ReviewsInRound, guangdong.Reached, guangdong.CanAct));
        Assert.Equal((1, 2, true, false, false), (ministry.WaitingAt!.Order, ministry.Stage!.Order, ministry.ReviewsInRound, ministry.Reached, ministry.CanAct));
        Assert.Equal((false, false, false), (applicant.ReviewsInRound, applicant.Reached, applicant.CanAct));
        Assert.All(Enum.GetValues<ReviewAction>(), a => Assert.Contains("只有审核单位", applicant.RefusalFor(a), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_simultaneous_sign_offs_of_one_review_move_the_application_once()
    {
        var world = await CreateAsync(fixture);
        var id = await world.SubmitNewAsync(Foshan);
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)).Succeeded);

        // Both read the same review version, then wait on the application row until the holder lets go.
        var outcomes = await RowLockRace.RunAsync(world.ConnectionString, "Applications", id, waiters: 2,
            () => Task.WhenAll(world.SignOffAsync(Guangdong, id), world.SignOffAsync(Guangdong, id)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Contains("其他人已修改", Assert.Single(outcomes, o => !o.Succeeded).Errors.Single().Message, StringComparison.Ordinal);
        var application = await world.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Submitted, 2), (application.Status, application.CurrentStageOrder));
        var audit = await world.AuditActionsAsync(id);
        Assert.Single(audit, a => a == "SignedOff");
        Assert.Single(audit, a => a == "ForwardedToStage");
    }

    private static async Task<Guid> ArrangeAsync(WorkflowWorld world, Situation situation)
    {
        var id = await world.SubmitNewAsync(Foshan);
        switch (situation)
        {
            case Situation.WaitingDecided:
                Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "不符合条件。")).Succeeded);
                break;
            case Situation.Returned:
                Assert.True((await world.ReturnAsync(Guangdong, id, "请补充数据来源。")).Succeeded);
                break;
            case Situation.SignedOffAndForwarded:
                Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)).Succeeded);
                Assert.True((await world.SignOffAsync(Guangdong, id)).Succeeded);
                break;
        }
        return id;
    }

    /// <summary>Takes the action as 广东 through its Core operation, with input that would be accepted if the step may be taken.</summary>
    private static async Task<IReadOnlyList<OperationError>> TakeAsync(WorkflowWorld world, Guid id, ReviewAction action)
    {
        var now = DateTimeOffset.UtcNow;
        switch (action)
        {
            case ReviewAction.Return:
                return (await world.ReturnAsync(Guangdong, id, "请核实。")).Errors;
            case ReviewAction.Decide:
                return (await world.DecideAsync(Guangdong, id, ReviewDecision.NotRecommend, reason: "改为不予推荐。")).Errors;
            case ReviewAction.SignOff:
                return (await world.SignOffAsync(Guangdong, id)).Errors;
        }
        await using var db = world.NewContext();
        var reviewed = await ReviewedApplication.LoadAsync(db, world.ViewerOf(Guangdong), id) ?? throw new InvalidOperationException("广东 cannot see it.");
        if (action == ReviewAction.Score)
        {
            var dimensions = ScoringRules.Dimensions(reviewed.Assessment!);
            var input = new ScoringInput(
                dimensions.ToDictionary(d => d.Key, _ => (string?)"0"),
                dimensions.ToDictionary(d => d.Key, _ => (string?)ScoringRules.Fail),
                dimensions.ToDictionary(d => d.Key, _ => (string?)"材料不足，按 0 分计。"));
            return (await ScoringStore.SaveAsync(db, reviewed, input, reviewed.Review?.Version ?? 0, world.ActorOf(Guangdong), now)).Errors;
        }
        var yesterday = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = await SiteCheckStore.AddAsync(db, reviewed, new SiteCheckInput(yesterday, "张三、李四", "现场核实入驻企业名录。"), [],
            world.ActorOf(Guangdong), now, new EvidenceLimits());
        return result.Errors;
    }
}
