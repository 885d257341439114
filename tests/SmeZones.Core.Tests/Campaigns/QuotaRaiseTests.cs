using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.Core.Tests.Review;
using static SmeZones.Core.Tests.Review.WorkflowWorld;

namespace SmeZones.Core.Tests.Campaigns;

/// <summary>Raising a published round's quotas reaches the places the database already holds, under concurrency too.</summary>
public class QuotaRaiseTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Actor Organiser = new(Guid.NewGuid(), "ministry", null);

    private async Task<WorkflowWorld> PublishedWorldAsync(int quota)
    {
        var world = await CreateAsync(fixture, quota: quota, specialUnitQuota: 1);
        await using var db = world.NewContext();
        // The test round has no stage deadlines; a published round from the editor always has them.
        foreach (var stage in await db.ReviewStages.Where(s => s.CampaignId == world.CampaignId).ToListAsync())
        {
            stage.Deadline = DateTimeOffset.UtcNow.AddDays(60 + stage.Order);
        }
        await db.SaveChangesAsync();
        return world;
    }

    private static async Task<RoundResult> RaiseAsync(WorkflowWorld world, string quota, string? separatelyPlanned = null)
    {
        await using var db = world.NewContext();
        var campaign = await db.Campaigns.Include(c => c.Organiser).Include(c => c.Stages).SingleAsync(c => c.Id == world.CampaignId);
        var amendment = RoundAmendment.Of(campaign);
        amendment.Stages[0].Quota = quota;
        amendment.Stages[0].SeparatelyPlannedCityQuota = separatelyPlanned ?? amendment.Stages[0].SeparatelyPlannedCityQuota;
        return await RoundAmendments.AmendAsync(db, campaign, amendment, Organiser, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Raising_quotas_raises_each_held_limit_by_the_kind_of_unit()
    {
        var world = await PublishedWorldAsync(quota: 1);
        var foshan = await world.SubmitNewAsync(Foshan);
        var nanshan = await world.SubmitNewAsync(Nanshan);
        Assert.True((await world.DecideAsync(Guangdong, foshan, ReviewDecision.Recommend)).Succeeded);
        Assert.True((await world.DecideAsync(Shenzhen, nanshan, ReviewDecision.Recommend)).Succeeded);
        var refused = await world.DecideAsync(Guangdong, await world.SubmitNewAsync(Foshan), ReviewDecision.Recommend);
        Assert.False(refused.Succeeded);

        Assert.True((await RaiseAsync(world, "3", "2")).Succeeded);

        Assert.Equal(3, (await world.QuotaAsync(Guangdong))!.Limit);
        Assert.Equal(2, (await world.QuotaAsync(Shenzhen))!.Limit);
        Assert.True((await world.DecideAsync(Guangdong, await world.SubmitNewAsync(Foshan), ReviewDecision.Recommend)).Succeeded);
    }

    [Fact]
    public async Task Quotas_raised_while_recommendations_wait_on_the_same_row_keep_used_within_the_limit()
    {
        var world = await PublishedWorldAsync(quota: 1);
        Assert.True((await world.DecideAsync(Guangdong, await world.SubmitNewAsync(Foshan), ReviewDecision.Recommend)).Succeeded);
        var waiting = new[] { await world.SubmitNewAsync(Foshan), await world.SubmitNewAsync(Foshan), await world.SubmitNewAsync(Foshan) };

        // Hold the row so the raise and three recommendations are all in flight at once, queued on its lock.
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(
            """SELECT 1 FROM "QuotaUsages" WHERE "CampaignId" = @c AND "StageOrder" = 1 AND "OrganisationId" = @o FOR UPDATE""", holder, transaction))
        {
            lockRow.Parameters.AddWithValue("c", world.CampaignId);
            lockRow.Parameters.AddWithValue("o", world.Unit(Guangdong).Id);
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }
        var raise = RaiseAsync(world, "3");
        var decisions = Task.WhenAll(waiting.Select(id => world.DecideAsync(Guangdong, id, ReviewDecision.Recommend)));
        await Task.Delay(1500);
        Assert.False(raise.IsCompleted, "the raise should wait for the held row");
        await transaction.CommitAsync();
        var raised = await raise;
        var outcomes = await decisions;

        Assert.True(raised.Succeeded);
        var row = (await world.QuotaAsync(Guangdong))!;
        Assert.Equal(3, row.Limit);
        Assert.InRange(row.Used, 1, 3);
        Assert.Equal(row.Used - 1, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains("名额", o.Errors.Single().Message, StringComparison.Ordinal));
    }
}
