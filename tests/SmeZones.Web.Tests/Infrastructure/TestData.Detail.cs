using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>A complete draft of the round's edition (every answer and evidence slot filled), submitted as the app does.</summary>
    public async Task<Application> CreateCompleteSubmittedApplicationAsync(Organisation organisation, Campaign round)
    {
        var draft = await CreateCompleteDraftAsync(organisation, round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == draft.Id);
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get(application.FormEditionKey), Actor.System, host.Clock.GetUtcNow());
        return application;
    }

    /// <summary>
    /// A draft whose cover was saved <paramref name="saves"/> times through the editor's own save (one audit entry each,
    /// "保存 cover：1 项" as stored), then moved on to the first review stage, so its history runs to many entries.
    /// </summary>
    public async Task<Application> CreateApplicationSavedManyTimesAsync(Organisation organisation, Campaign round, int saves)
    {
        var draft = await CreateApplicationAsync(organisation, round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).SingleAsync(a => a.Id == draft.Id);
        var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
        var slot = FormAnswerKeys.For(definition, application.Campaign!.Year)
            .First(s => s.SectionKey == FormAnswerKeys.CoverSection && s.Kind == SlotKind.Text && s.FilledBy == FieldFiller.Applicant);
        for (var i = 1; i <= saves; i++)
        {
            SectionSave.Apply(db, application, definition, application.Campaign.Year, FormAnswerKeys.CoverSection,
                new Dictionary<string, string?> { [slot.Key] = $"第{i}次保存的内容" }, Actor.System, host.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        application.Status = ApplicationStatus.Submitted;
        application.CurrentStageOrder = 1;
        application.ReachedStageOrder = 1;
        application.SubmittedAt = host.Clock.GetUtcNow();
        await db.SaveChangesAsync();
        return application;
    }
}
