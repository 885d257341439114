using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Assessment;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.ExpertReview;

/// <summary>The expert's score sheet: confirmation first, a comment on every dimension, locking, reopening, hidden scores and the ranking.</summary>
public class ScoreSheetTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Dictionary<string, decimal> Good = new()
    {
        [ZoneScore.Plan] = 12, [ZoneScore.Openness] = 24, [ZoneScore.Innovation] = 15, [ZoneScore.Quality] = 10, [ZoneScore.Service] = 15,
    };

    private static SheetInput Sheet(IReadOnlyDictionary<string, decimal> points, bool comments = true, string? opinion = "同意。") => new(
        new ScoringInput(
            points.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Dictionary<string, string?>(),
            comments ? points.ToDictionary(p => p.Key, p => (string?)"依据申报材料评定。") : new Dictionary<string, string?>()),
        opinion, false, null);

    private static async Task<(ExpertWorld World, Guid Id, List<ExpertAssignment> Group)> GroupOfAsync(MigratedDatabaseFixture fixture, int experts, bool hideScores = true)
    {
        var world = await ExpertWorld.CreateAsync(fixture, experts, 0, hideScores);
        var id = await world.AtMinistryAsync();
        var application = await world.ApplicationAsync(id);
        foreach (var expert in await world.OutsideExpertsAsync(experts))
        {
            await using var db = world.Round.NewContext();
            Assert.Empty(await ExpertPanel.AssignAsync(db, application, expert, false, null, world.Ministry, DateTimeOffset.UtcNow));
        }
        return (world, id, await world.GroupAsync(id));
    }

    private static async Task<IReadOnlyList<OperationError>> SubmitAsync(ExpertWorld world, ExpertAssignment member, SheetInput input, bool confirm = true)
    {
        await using var db = world.Round.NewContext();
        var assignment = await ExpertAccess.FindAsync(db, ExpertWorld.ExpertViewer(member.ExpertId), member.Id) ?? throw new InvalidOperationException("not assigned");
        if (confirm && assignment.Status == AssignmentStatus.Pending)
        {
            Assert.Empty(await ExpertPanel.ConfirmNoConflictAsync(db, assignment, ExpertWorld.ExpertActor(member.ExpertId), DateTimeOffset.UtcNow));
        }
        var @case = await ExpertAccess.LoadCaseAsync(db, assignment);
        return await ExpertSheets.SubmitAsync(db, assignment, @case.Assessment!, input, ExpertWorld.ExpertActor(member.ExpertId), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_expert_scores_only_after_confirming_no_conflict_and_comments_on_every_dimension()
    {
        var (world, id, group) = await GroupOfAsync(fixture, 1);

        var unconfirmed = await SubmitAsync(world, group[0], Sheet(Good), confirm: false);
        var withoutComments = await SubmitAsync(world, group[0], Sheet(Good, comments: false, opinion: " "));
        var halfStep = await SubmitAsync(world, group[0], Sheet(new Dictionary<string, decimal>(Good) { [ZoneScore.Plan] = 12.3m }));
        var submitted = await SubmitAsync(world, group[0], Sheet(Good));
        var again = await SubmitAsync(world, group[0], Sheet(Good));

        Assert.Contains("确认无利益冲突", Assert.Single(unconfirmed).Message);
        Assert.Equal(6, withoutComments.Count); // five dimension comments and the 评审意见
        Assert.Contains(withoutComments, e => e.Key == ExpertSheets.OpinionField);
        Assert.Contains(halfStep, e => e.Key == ScoringRules.PointsKey(ZoneScore.Plan));
        Assert.Empty(submitted);
        Assert.Contains("锁定", Assert.Single(again).Message);
        var stored = Assert.Single(await world.GroupAsync(id));
        Assert.Equal(76m, stored.Points.Values.Sum());
        Assert.NotNull(stored.SubmittedAt);
    }

    [Fact]
    public async Task Only_the_ministry_reopens_a_submitted_sheet_with_a_reason()
    {
        var (world, id, group) = await GroupOfAsync(fixture, 1);
        Assert.Empty(await SubmitAsync(world, group[0], Sheet(Good)));

        await using (var db = world.Round.NewContext())
        {
            var assignment = await db.ExpertAssignments.SingleAsync(a => a.Id == group[0].Id);
            Assert.Equal(ExpertPanel.ReasonField, Assert.Single(await ExpertSheets.ReopenAsync(db, assignment, "", world.Ministry, DateTimeOffset.UtcNow)).Key);
            Assert.Empty(await ExpertSheets.ReopenAsync(db, assignment, "开放合作得分说明与分值不符。", world.Ministry, DateTimeOffset.UtcNow));
        }

        Assert.Empty(await SubmitAsync(world, group[0], Sheet(new Dictionary<string, decimal>(Good) { [ZoneScore.Openness] = 20 })));
        Assert.Equal(72m, Assert.Single(await world.GroupAsync(id)).Points.Values.Sum());
        Assert.Contains("ExpertSheetReopened", await world.Round.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Other_experts_scores_stay_hidden_until_the_expert_submits_when_the_round_says_so()
    {
        var (world, id, group) = await GroupOfAsync(fixture, 2);
        Assert.Empty(await SubmitAsync(world, group[0], Sheet(Good)));
        var settings = new ExpertReviewSettings { CampaignId = world.Round.CampaignId, HideScoresUntilSubmitted = true };
        var open = new ExpertReviewSettings { CampaignId = world.Round.CampaignId, HideScoresUntilSubmitted = false };

        var stored = await world.GroupAsync(id);
        var (first, second) = (stored.Single(a => a.Id == group[0].Id), stored.Single(a => a.Id == group[1].Id));
        Assert.Empty(ExpertSheets.OthersVisibleTo(second, stored, settings));
        Assert.Equal([first.Id], ExpertSheets.OthersVisibleTo(second, stored, open).Select(a => a.Id));
        Assert.Empty(ExpertSheets.OthersVisibleTo(first, stored, settings)); // the other has not submitted yet

        Assert.Empty(await SubmitAsync(world, group[1], Sheet(Good)));
        stored = await world.GroupAsync(id);
        second = stored.Single(a => a.Id == group[1].Id);
        Assert.Equal([first.Id], ExpertSheets.OthersVisibleTo(second, stored, settings).Select(a => a.Id));
    }

    [Fact]
    public async Task The_ranking_puts_passing_aggregates_first_and_unscored_applications_last()
    {
        var world = await ExpertWorld.CreateAsync(fixture, 1, 0);
        var (high, low, none) = (await world.AtMinistryAsync(), await world.AtMinistryAsync(), await world.AtMinistryAsync());
        var expert = (await world.OutsideExpertsAsync(1))[0];
        foreach (var id in new[] { high, low, none })
        {
            await using var db = world.Round.NewContext();
            Assert.Empty(await ExpertPanel.AssignAsync(db, await world.ApplicationAsync(id), expert, false, null, world.Ministry, DateTimeOffset.UtcNow));
        }
        var groups = new[] { (await world.GroupAsync(high))[0], (await world.GroupAsync(low))[0] };
        Assert.Empty(await SubmitAsync(world, groups[1], Sheet(new Dictionary<string, decimal>(Good) { [ZoneScore.Plan] = 5 })));
        Assert.Empty(await SubmitAsync(world, groups[0], Sheet(Good)));

        await using var read = world.Round.NewContext();
        var ranking = await ExpertRanking.ForCampaignAsync(read, world.Round.CampaignId);

        Assert.Equal([high, low, none], ranking.Select(r => r.ApplicationId));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.Equal([76m, 69m, (decimal?)null], ranking.Select(r => r.Aggregate));
        Assert.Null(ranking[2].Passes);
    }
}
