using Microsoft.EntityFrameworkCore;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.Core.Tests.Review;

namespace SmeZones.Core.Tests.ExpertReview;

/// <summary>回避 rules, the seeded draw and the expert's own confirmation or recusal, against a real database.</summary>
public class ConflictAndDrawTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public void SplitMix64_gives_the_published_sequence_for_seed_zero()
    {
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
    }

    [Fact]
    public async Task An_expert_of_the_applicants_province_or_organisation_is_never_drawn()
    {
        var world = await ExpertWorld.CreateAsync(fixture, experts: 3, reserves: 0);
        var id = await world.AtMinistryAsync();
        var application = await world.ApplicationAsync(id);
        // A field of this test's own, so experts other tests put in the shared pool stay out.
        var field = "产业经济" + Guid.NewGuid().ToString("N")[..8];
        var sameProvince = await world.ExpertAsync("440000", null, field);
        var sameOrganisation = await world.ExpertAsync("110000", application.OrganisationId, field);
        var outside = await world.OutsideExpertsAsync(3, field);

        await using var db = world.Round.NewContext();
        var (draw, errors) = await ExpertPanel.DrawAsync(db, application, field, 42, world.Ministry, DateTimeOffset.UtcNow);

        Assert.Empty(errors);
        Assert.DoesNotContain(sameProvince, draw!.Candidates);
        Assert.DoesNotContain(sameOrganisation, draw.Candidates);
        Assert.Equal(outside.Order(), draw.Candidates);
        Assert.All(await world.GroupAsync(id), a => Assert.Contains(a.ExpertId, outside));
    }

    [Fact]
    public async Task Assigning_an_expert_with_a_conflict_needs_the_ministrys_reason_and_is_audited()
    {
        var world = await ExpertWorld.CreateAsync(fixture);
        var id = await world.AtMinistryAsync();
        var application = await world.ApplicationAsync(id);
        var sameProvince = await world.ExpertAsync("440000");
        var sameOrganisation = await world.ExpertAsync("110000", application.OrganisationId);

        await using var db = world.Round.NewContext();
        var refusedProvince = await ExpertPanel.AssignAsync(db, application, sameProvince, false, "  ", world.Ministry, DateTimeOffset.UtcNow);
        var refusedOrganisation = await ExpertPanel.AssignAsync(db, application, sameOrganisation, false, null, world.Ministry, DateTimeOffset.UtcNow);
        var overridden = await ExpertPanel.AssignAsync(db, application, sameProvince, false, "该领域全国仅此一名专家，经局领导同意。", world.Ministry, DateTimeOffset.UtcNow);

        Assert.Contains("同一省级单位", Assert.Single(refusedProvince).Message);
        Assert.Contains("所在单位即申报单位", Assert.Single(refusedOrganisation).Message);
        Assert.Empty(overridden);
        var assigned = Assert.Single(await world.GroupAsync(id));
        Assert.Equal((sameProvince, "该领域全国仅此一名专家，经局领导同意。"), (assigned.ExpertId, assigned.ConflictOverrideReason));
        Assert.Contains("ExpertAssignedDespiteConflict", await world.Round.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_draw_is_reproduced_from_its_recorded_seed_and_candidates()
    {
        var world = await ExpertWorld.CreateAsync(fixture, experts: 3, reserves: 2);
        var id = await world.AtMinistryAsync();
        var field = "国际合作" + Guid.NewGuid().ToString("N")[..8];
        await world.OutsideExpertsAsync(8, field);
        await world.OutsideExpertsAsync(2, "财务");
        var application = await world.ApplicationAsync(id);

        Guid drawId;
        await using (var db = world.Round.NewContext())
        {
            var (draw, errors) = await ExpertPanel.DrawAsync(db, application, field, 20261126, world.Ministry, DateTimeOffset.UtcNow);
            Assert.Empty(errors);
            drawId = draw!.Id;
        }

        await using var read = world.Round.NewContext();
        var recorded = await read.ExpertDraws.AsNoTracking().SingleAsync(d => d.Id == drawId);
        Assert.Equal((20261126L, 8, 5), (recorded.Seed, recorded.Candidates.Count, recorded.Drawn.Count));
        Assert.True(ExpertDrawing.Reproduces(recorded));
        Assert.Equal(ExpertDrawing.Pick(recorded.Candidates, recorded.Seed, 5), recorded.Drawn);
        var group = await world.GroupAsync(id);
        Assert.Equal(recorded.Drawn, group.Select(a => a.ExpertId));
        Assert.Equal([false, false, false, true, true], group.Select(a => a.IsReserve));
        // Another seed shuffles differently (the draw is not just the id order).
        Assert.NotEqual(recorded.Drawn, ExpertDrawing.Pick(recorded.Candidates, recorded.Seed + 1, 5));
    }

    [Fact]
    public async Task Declaring_recusal_needs_a_reason_removes_the_expert_and_brings_in_the_first_reserve()
    {
        var world = await ExpertWorld.CreateAsync(fixture, experts: 2, reserves: 2);
        var id = await world.AtMinistryAsync();
        await world.OutsideExpertsAsync(4);
        var application = await world.ApplicationAsync(id);
        await using (var db = world.Round.NewContext())
        {
            Assert.Empty((await ExpertPanel.DrawAsync(db, application, null, 7, world.Ministry, DateTimeOffset.UtcNow)).Errors);
        }
        var before = await world.GroupAsync(id);
        var leaving = before[0];
        var firstReserve = before.First(a => a.IsReserve);

        await using (var db = world.Round.NewContext())
        {
            var assignment = await ExpertAccess.FindAsync(db, ExpertWorld.ExpertViewer(leaving.ExpertId), leaving.Id);
            Assert.NotNull(assignment);
            var noReason = await ExpertPanel.RecuseAsync(db, assignment, " ", ExpertWorld.ExpertActor(leaving.ExpertId), DateTimeOffset.UtcNow);
            Assert.Equal(ExpertPanel.ReasonField, Assert.Single(noReason).Key);
            Assert.Empty(await ExpertPanel.RecuseAsync(db, assignment, "曾为该合作区编制规划。", ExpertWorld.ExpertActor(leaving.ExpertId), DateTimeOffset.UtcNow));
        }

        var after = (await world.GroupAsync(id)).ToDictionary(a => a.Id);
        Assert.Equal((AssignmentStatus.Recused, "曾为该合作区编制规划。"), (after[leaving.Id].Status, after[leaving.Id].RecusalReason));
        Assert.False(after[firstReserve.Id].IsReserve);
        Assert.Equal(2, after.Values.Count(a => a.IsActiveMember));
        Assert.Contains("ExpertRecused", await world.Round.AuditActionsAsync(id));
        await using var check = world.Round.NewContext();
        Assert.Null(await ExpertAccess.FindAsync(check, ExpertWorld.ExpertViewer(leaving.ExpertId), leaving.Id));
    }

    [Fact]
    public async Task Too_few_eligible_experts_refuse_the_draw_and_record_nothing()
    {
        var world = await ExpertWorld.CreateAsync(fixture, experts: 5, reserves: 0);
        var id = await world.AtMinistryAsync();
        var field = "领域" + Guid.NewGuid().ToString("N")[..8];
        await world.OutsideExpertsAsync(2, field);
        await using var db = world.Round.NewContext();

        var (draw, errors) = await ExpertPanel.DrawAsync(db, await world.ApplicationAsync(id), field, 1, world.Ministry, DateTimeOffset.UtcNow);

        Assert.Null(draw);
        Assert.Contains("不足", Assert.Single(errors).Message);
        Assert.Empty(await world.GroupAsync(id));
    }
}
