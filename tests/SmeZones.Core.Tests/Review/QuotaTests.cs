using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;
using static SmeZones.Core.Tests.Review.WorkflowWorld;

namespace SmeZones.Core.Tests.Review;

/// <summary>Recommendation places held by the database: per reviewing unit, under concurrency, given back on change.</summary>
public class QuotaTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_bingtuan_takes_places_under_its_own_kind_not_the_separately_planned_cities_quota()
    {
        // 省 3, 计划单列市 1, 兵团 not set: 兵团 is a provincial-level unit and takes the general 3, not 深圳's 1.
        var world = await CreateAsync(fixture, quota: 3, specialUnitQuota: 1);
        await using var db = world.NewContext();
        var bingtuan = TestData.Organisation("新疆生产建设兵团工业和信息化局", OrganisationLevel.ProvincialUnit, RegionCatalogue.BingtuanCode);
        db.Organisations.Add(bingtuan);
        await db.SaveChangesAsync();
        var stage = await db.ReviewStages.AsNoTracking().SingleAsync(s => s.CampaignId == world.CampaignId && s.Order == 1);

        var limit = QuotaLedger.LimitFor(stage, bingtuan.RegionCode);
        var taken = new List<bool>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            for (var i = 0; i < 4; i++)
            {
                taken.Add(await QuotaLedger.TryTakeAsync(db, world.CampaignId, 1, bingtuan.Id, limit!.Value));
            }
            await transaction.CommitAsync();
        }

        Assert.Equal(3, limit);
        Assert.Equal(1, QuotaLedger.LimitFor(stage, "440300")); // 深圳
        Assert.Equal([true, true, true, false], taken);
    }

    [Fact]
    public async Task Two_recommendations_racing_for_the_last_place_one_wins_and_the_other_is_told_the_quota_is_used_up()
    {
        var world = await CreateAsync(fixture, quota: 2);
        var first = await world.SubmitNewAsync(Foshan);
        var racers = new[] { await world.SubmitNewAsync(Foshan), await world.SubmitNewAsync(Foshan) };
        Assert.True((await world.DecideAsync(Guangdong, first, ReviewDecision.Recommend)).Succeeded);

        // Hold the quota row so both recommendations are provably in flight at once, waiting on the same row.
        var outcomes = await WhileQuotaRowIsLockedAsync(world, Guangdong, waiters: 2,
            () => Task.WhenAll(racers.Select(id => world.DecideAsync(Guangdong, id, ReviewDecision.Recommend))));

        Assert.Single(outcomes, o => o.Succeeded);
        var refused = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(QuotaMessage(2), Assert.Single(refused.Errors).Message);
        Assert.Equal((2, 2), await UsedAndLimitAsync(world, Guangdong));
        var recommended = 0;
        foreach (var id in racers)
        {
            recommended += (await world.ReviewAsync(id, 1))?.Decision == ReviewDecision.Recommend ? 1 : 0;
        }
        Assert.Equal(1, recommended);
    }

    [Fact]
    public async Task A_place_taken_by_a_decision_that_fails_to_save_is_rolled_back_with_it()
    {
        var world = await CreateAsync(fixture, quota: 3);
        var other = await world.SubmitNewAsync(Foshan);
        var contested = await world.SubmitNewAsync(Foshan);
        Assert.True((await world.DecideAsync(Guangdong, other, ReviewDecision.Recommend)).Succeeded);

        // Two reviewers of one unit recommend the same application at once: both find a place, but only one stage
        // review can be created, so the loser's transaction, place included, must roll back.
        var outcomes = await WhileQuotaRowIsLockedAsync(world, Guangdong, waiters: 2,
            () => Task.WhenAll(world.DecideAsync(Guangdong, contested, ReviewDecision.Recommend), world.DecideAsync(Guangdong, contested, ReviewDecision.Recommend)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Contains("其他人已修改", Assert.Single(outcomes, o => !o.Succeeded).Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), await UsedAndLimitAsync(world, Guangdong));
    }

    [Fact]
    public async Task Each_reviewing_unit_has_its_own_quota_shenzhen_one_guangdong_two()
    {
        var world = await CreateAsync(fixture, quota: 2, specialUnitQuota: 1);
        var nanshan = new[] { await world.SubmitNewAsync(Nanshan), await world.SubmitNewAsync(Nanshan) };
        var foshan = new[] { await world.SubmitNewAsync(Foshan), await world.SubmitNewAsync(Foshan), await world.SubmitNewAsync(Foshan) };

        Assert.True((await world.DecideAsync(Shenzhen, nanshan[0], ReviewDecision.Recommend)).Succeeded);
        var shenzhenSecond = await world.DecideAsync(Shenzhen, nanshan[1], ReviewDecision.Recommend);
        Assert.True((await world.DecideAsync(Guangdong, foshan[0], ReviewDecision.Recommend)).Succeeded);
        Assert.True((await world.DecideAsync(Guangdong, foshan[1], ReviewDecision.Recommend)).Succeeded);
        var guangdongThird = await world.DecideAsync(Guangdong, foshan[2], ReviewDecision.Recommend);

        Assert.Equal(new OperationError(ReviewWorkflow.DecisionField, QuotaMessage(1)), Assert.Single(shenzhenSecond.Errors));
        Assert.Equal(new OperationError(ReviewWorkflow.DecisionField, QuotaMessage(2)), Assert.Single(guangdongThird.Errors));
        Assert.Equal((1, 1), await UsedAndLimitAsync(world, Shenzhen));
        Assert.Equal((2, 2), await UsedAndLimitAsync(world, Guangdong));
        Assert.Null(await world.ReviewAsync(nanshan[1], 1));
        // Not recommending needs no place, even with none left.
        Assert.True((await world.DecideAsync(Shenzhen, nanshan[1], ReviewDecision.NotRecommend, reason: "名额已满，择优推荐。")).Succeeded);
    }

    [Fact]
    public async Task Changing_a_recommendation_before_sign_off_gives_the_place_back()
    {
        var world = await CreateAsync(fixture, quota: 2, specialUnitQuota: 1);
        var first = await world.SubmitNewAsync(Nanshan);
        var second = await world.SubmitNewAsync(Nanshan);
        Assert.True((await world.DecideAsync(Shenzhen, first, ReviewDecision.Recommend)).Succeeded);
        Assert.True((await world.DecideAsync(Shenzhen, first, ReviewDecision.Recommend, opinion: "修改推荐意见，不再占用名额。")).Succeeded);
        Assert.Equal((1, 1), await UsedAndLimitAsync(world, Shenzhen));

        Assert.True((await world.DecideAsync(Shenzhen, first, ReviewDecision.NotRecommend, reason: "改为推荐另一个。")).Succeeded);

        Assert.Equal((0, 1), await UsedAndLimitAsync(world, Shenzhen));
        Assert.True((await world.DecideAsync(Shenzhen, second, ReviewDecision.Recommend)).Succeeded);
        Assert.Equal((1, 1), await UsedAndLimitAsync(world, Shenzhen));
        Assert.Contains("QuotaReleased", await world.AuditActionsAsync(first));
    }

    [Fact]
    public async Task Returning_a_recommended_application_gives_its_place_back_and_the_resubmission_is_decided_afresh()
    {
        var world = await CreateAsync(fixture, quota: 2, specialUnitQuota: 1);
        var id = await world.SubmitNewAsync(Nanshan);
        Assert.True((await world.DecideAsync(Shenzhen, id, ReviewDecision.Recommend)).Succeeded);

        Assert.True((await world.ReturnAsync(Shenzhen, id, "请补充外资企业名录。")).Succeeded);

        Assert.Equal((0, 1), await UsedAndLimitAsync(world, Shenzhen));
        Assert.Equal(ReviewDecision.Undecided, (await world.ReviewAsync(id, 1))!.Decision);
    }

    [Fact]
    public async Task The_decision_page_figures_count_places_against_the_quota()
    {
        var world = await CreateAsync(fixture, quota: 2);
        var id = await world.SubmitNewAsync(Foshan);
        await using var db = world.NewContext();
        var stage = (await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == world.CampaignId)).Stage(1)!;

        Assert.Equal("已推荐 0 / 名额 2", (await QuotaLedger.StatusAsync(db, world.CampaignId, stage, world.Unit(Guangdong).Id, "440000")).Text);
        Assert.True((await world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)).Succeeded);
        Assert.Equal("已推荐 1 / 名额 2", (await QuotaLedger.StatusAsync(db, world.CampaignId, stage, world.Unit(Guangdong).Id, "440000")).Text);
        Assert.Equal("已推荐 0 / 名额 1", (await QuotaLedger.StatusAsync(db, world.CampaignId, stage, world.Unit(Shenzhen).Id, "440300")).Text);
    }

    [Fact]
    public async Task Places_are_taken_only_inside_a_transaction()
    {
        var world = await CreateAsync(fixture);
        await using var db = world.NewContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => QuotaLedger.TryTakeAsync(db, world.CampaignId, 1, world.Unit(Guangdong).Id, 2));
    }

    private static async Task<(int Used, int Limit)> UsedAndLimitAsync(WorkflowWorld world, string unit)
    {
        var row = await world.QuotaAsync(unit) ?? throw new InvalidOperationException($"No quota row for {unit}.");
        return (row.Used, row.Limit);
    }

    /// <summary>Runs <paramref name="race"/> with the unit's quota row locked until <paramref name="waiters"/> sessions wait on it.</summary>
    private static Task<T[]> WhileQuotaRowIsLockedAsync<T>(WorkflowWorld world, string unit, int waiters, Func<Task<T[]>> race) =>
        RowLockRace.RunAsync(world.ConnectionString,
            """SELECT 1 FROM "QuotaUsages" WHERE "CampaignId" = @c AND "StageOrder" = 1 AND "OrganisationId" = @o FOR UPDATE""",
            new Dictionary<string, object> { ["c"] = world.CampaignId, ["o"] = world.Unit(unit).Id }, waiters, race);
}
