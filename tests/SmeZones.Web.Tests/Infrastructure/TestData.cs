using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>
/// Builds the organisations, users, rounds and applications a test needs, each new and uniquely named, through the
/// portal's own code paths, so tests never depend on demo data or on each other's data.
/// </summary>
public sealed partial class TestData(PortalHost host)
{
    /// <summary>A short random tag that keeps names unique across tests sharing one database.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A fresh draft of the organisation in the round, optionally moved on to a review stage.</summary>
    public async Task<Application> CreateApplicationAsync(Organisation organisation, Campaign round, int reachedStage = 0)
    {
        await using var db = host.NewDbContext();
        var applicant = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
        var campaign = await db.Campaigns.Include(c => c.Organiser).Include(c => c.Stages).SingleAsync(c => c.Id == round.Id);
        var application = await ApplicationFactory.StartDraftAsync(db, campaign, applicant, Actor.System, host.Clock.GetUtcNow());
        if (reachedStage > 0)
        {
            application.Status = ApplicationStatus.Submitted;
            application.CurrentStageOrder = reachedStage;
            application.ReachedStageOrder = reachedStage;
            application.SubmittedAt = host.Clock.GetUtcNow();
            application.Title = $"测试合作区 {application.Number}";
            await db.SaveChangesAsync();
        }
        return application;
    }

    /// <summary>A draft of the organisation with these answers, submitted as the app does (snapshot, first stage, audit).</summary>
    public async Task<Application> CreateSubmittedApplicationAsync(
        Organisation organisation, Campaign round, IReadOnlyDictionary<string, string> answers, string title)
    {
        var draft = await CreateApplicationAsync(organisation, round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == draft.Id);
        application.Answers = new Dictionary<string, string>(answers);
        application.Title = title;
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get(application.FormEditionKey), Actor.System, host.Clock.GetUtcNow());
        return application;
    }
}
