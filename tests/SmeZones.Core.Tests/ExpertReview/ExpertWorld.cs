using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.Core.Tests.Review;

namespace SmeZones.Core.Tests.ExpertReview;

/// <summary>A zone round of its own (<see cref="WorkflowWorld"/>) with applications signed off by 广东 and a pool of experts.</summary>
internal sealed class ExpertWorld(WorkflowWorld round)
{
    public WorkflowWorld Round { get; } = round;

    public Actor Ministry => Round.ActorOf(WorkflowWorld.Ministry);

    public static async Task<ExpertWorld> CreateAsync(MigratedDatabaseFixture fixture, int experts = 5, int reserves = 2, bool hideScores = true)
    {
        var round = await WorkflowWorld.CreateAsync(fixture, quota: 10);
        await using var db = round.NewContext();
        db.ExpertReviewSettings.Add(new ExpertReviewSettings
        {
            CampaignId = round.CampaignId, ExpertsPerApplication = experts, ReservesPerApplication = reserves,
            HideScoresUntilSubmitted = hideScores, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return new ExpertWorld(round);
    }

    /// <summary>A 佛山 application recommended and signed off by 广东, so it waits at the ministry's stage.</summary>
    public async Task<Guid> AtMinistryAsync(string applicant = WorkflowWorld.Foshan)
    {
        var id = await Round.SubmitNewAsync(applicant);
        Assert.True((await Round.DecideAsync(WorkflowWorld.Guangdong, id, ReviewDecision.Recommend)).Succeeded);
        Assert.True((await Round.SignOffAsync(WorkflowWorld.Guangdong, id)).Succeeded);
        return id;
    }

    /// <summary>An expert account in the organisation given (a new one in the province when null), with a pool profile.</summary>
    public async Task<Guid> ExpertAsync(string provincialUnitCode, int? organisationId = null, params string[] fields)
    {
        await using var db = Round.NewContext();
        if (organisationId is null)
        {
            var organisation = TestData.Organisation("专家单位", OrganisationLevel.ProvincialUnit, provincialUnitCode);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            organisationId = organisation.Id;
        }
        var name = TestData.Unique("expert");
        var user = new PortalUser { Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, OrganisationId = organisationId.Value, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        db.ExpertProfiles.Add(new ExpertProfile { UserId = user.Id, ProvincialUnitCode = provincialUnitCode, WorkUnit = "某大学", Fields = [.. fields], UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Several experts from provinces other than 广东 (北京, 四川, 上海 …).</summary>
    public async Task<List<Guid>> OutsideExpertsAsync(int count, params string[] fields)
    {
        string[] provinces = ["110000", "510000", "310000", "320000", "330000", "420000", "430000", "610000"];
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await ExpertAsync(provinces[i % provinces.Length], null, fields));
        }
        return ids;
    }

    public async Task<Application> ApplicationAsync(Guid id)
    {
        await using var db = Round.NewContext();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<List<ExpertAssignment>> GroupAsync(Guid id)
    {
        await using var db = Round.NewContext();
        return await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.IsReserve).ThenBy(a => a.Position).ToListAsync();
    }

    public static Viewer ExpertViewer(Guid expertId) => new(expertId, 0, OrganisationLevel.ProvincialUnit, null, new HashSet<string> { Roles.Expert });

    public static Actor ExpertActor(Guid expertId) => new(expertId, "expert", null);
}
