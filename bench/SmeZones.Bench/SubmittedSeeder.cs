using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.TestSupport;

namespace SmeZones.Bench;

/// <summary>
/// The lists' data (issue 13 item 2): N zone-2026 applications in the open demo round, opened with
/// <see cref="ApplicationFactory"/> and submitted with <see cref="ApplicationSubmission.SubmitAsync"/> (snapshot, stored
/// assessment summary, audit: the app's own path), then — the documented bulk path — recommended and signed off at the
/// provincial stage in batches of EF inserts (one StageReview per application carrying the real assessment JSON) and
/// moved to the ministry's stage, so the same rows fill the provincial reviewer's inbox and the ministry's national list.
/// Optionally one application gets large evidence rows for the dossier phase. Prints "campaign id".
/// </summary>
internal static class SubmittedSeeder
{
    private const string Edition = "zone-2026";
    private const int Batch = 100;

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Int("count", 5000);
        var organisationName = options.Get("organisation", "佛山市工业和信息化局");
        var started = Stopwatch.StartNew();
        var connection = options.Required("connection");
        await using var db = PortalDatabase.Create(connection);
        var openAt = DateTimeOffset.UtcNow;
        var campaignId = await db.Campaigns
            .Where(c => c.FormEditionKey == Edition && c.Status == CampaignStatus.Published && c.OpensAt <= openAt && c.ClosesAt > openAt)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var definition = FormEditionCatalogue.Default.Get(Edition);
        var answers = FormFixtures.Complete(Edition).Values;
        var title = ApplicationTitle.From(FormEditionCatalogue.Default.Get(Edition), answers) ?? "合作区";
        var ids = new List<Guid>(count);
        for (var done = 0; done < count; done += Batch)
        {
            // A fresh tracker per batch: the campaign and organisation are re-read, the batch's entities forgotten.
            db.ChangeTracker.Clear();
            var campaign = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == campaignId);
            var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
            var user = await db.Users.OrderBy(u => u.UserName).FirstAsync(u => u.OrganisationId == organisation.Id);
            var actor = new Actor(user.Id, user.UserName!, organisation.Id);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var now = DateTimeOffset.UtcNow;
                var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, actor, now);
                application.Answers = new Dictionary<string, string>(answers);
                // Titles differ (and not in number order) so sorting by title is real work.
                application.Title = $"{title}（{(i * 7919) % count:00000}）";
                application.SummaryIntro = "合作区简介：" + title;
                application.SummaryPartners = "德国、日本";
                application.Campaign = campaign;
                application.Organisation = organisation;
                await ApplicationSubmission.SubmitAsync(db, application, definition, actor, now);
                ids.Add(application.Id);
            }
        }
        var submitted = started.Elapsed.TotalSeconds;

        db.ChangeTracker.Clear();
        var round = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Id == campaignId);
        var province = round.StageFor(OrganisationLevel.ProvincialUnit)!;
        var ministry = round.StageFor(OrganisationLevel.Ministry)!;
        var first = await db.Applications.AsNoTracking().Include(a => a.Campaign).SingleAsync(a => a.Id == ids[0]);
        var provinceOrg = await db.Organisations.FirstAsync(o => o.Level == OrganisationLevel.ProvincialUnit && o.RegionCode == first.ProvincialUnitCode);
        var settings = await ApplicationAssessment.SettingsForAsync(db, first, default);
        var assessmentJson = AssessmentJson.Serialize(ApplicationAssessment.Assess(first, definition, new FormAnswers(answers), settings));
        var signedAt = DateTimeOffset.UtcNow;
        foreach (var chunk in ids.Chunk(500))
        {
            db.StageReviews.AddRange(chunk.Select(id => new StageReview
            {
                Id = Guid.NewGuid(), ApplicationId = id, StageOrder = province.Order, OrganisationId = provinceOrg.Id,
                Decision = ReviewDecision.Recommend, DecidedAt = signedAt, DecidedById = null, Opinion = "同意推荐。",
                SignedOffAt = signedAt, SignedOffByName = "bench", AssessmentJson = assessmentJson, UpdatedAt = signedAt,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var moved = await db.Applications.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.CurrentStageOrder, ministry.Order).SetProperty(a => a.ReachedStageOrder, ministry.Order));
        Console.Error.WriteLine($"Submitted {count} {Edition} applications for {organisationName} in {submitted:0.0} s " +
            $"({count / submitted:0} a second, ApplicationSubmission.SubmitAsync each); {moved} recommended and signed off at " +
            $"{province.Name} in bulk; {started.Elapsed.TotalSeconds:0.0} s in all.");
        Console.WriteLine(campaignId);
        return 0;
    }
}
