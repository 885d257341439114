using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// An application of the organisation in the round, submitted with these answers and then moved on to the round's
    /// ministry stage, as if every authority before it had recommended it (the stage the ministry and its experts work at).
    /// </summary>
    public async Task<Application> CreateAtMinistryAsync(
        Organisation organisation, Campaign round, IReadOnlyDictionary<string, string> answers, string title)
    {
        var submitted = await CreateSubmittedApplicationAsync(organisation, round, answers, title);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).SingleAsync(a => a.Id == submitted.Id);
        var ministryStage = application.Campaign!.StageFor(OrganisationLevel.Ministry)
            ?? throw new InvalidOperationException($"Round {round.Name} has no ministry stage.");
        (application.ReachedStageOrder, application.CurrentStageOrder) = (ministryStage.Order, ministryStage.Order);
        await db.SaveChangesAsync();
        return application;
    }
}
