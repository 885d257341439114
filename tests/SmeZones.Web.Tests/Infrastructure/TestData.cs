using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Forms;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>Builds applications for a test, each new, so tests never depend on each other's data.</summary>
public static class TestData
{
    /// <summary>A fresh draft of the demo organisation in the named demo round, optionally moved on to a review stage.</summary>
    public static async Task<Application> ApplicationAsync(
        this PortalHost host, string organisationName, string campaignNameStart, int reachedStage = 0)
    {
        await using var db = host.NewDbContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
        var campaign = await db.Campaigns.Include(c => c.Organiser).Include(c => c.Stages)
            .SingleAsync(c => c.Name.StartsWith(campaignNameStart));
        var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, Actor.System, host.Clock.GetUtcNow());
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
    public static async Task<Application> SubmittedAsync(this PortalHost host, string organisation, string campaign, Dictionary<string, string> answers, string title)
    {
        var draft = await host.ApplicationAsync(organisation, campaign);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == draft.Id);
        application.Answers = new Dictionary<string, string>(answers);
        application.Title = title;
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get(application.FormEditionKey), Actor.System, host.Clock.GetUtcNow());
        return application;
    }
}
