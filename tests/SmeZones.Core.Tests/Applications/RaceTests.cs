using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Applications;

/// <summary>
/// What the database must hold when requests really collide: each racer in its own context and connection, all of
/// them provably waiting on the same row at once (<see cref="RowLockRace"/>) before any goes ahead.
/// </summary>
public class RaceTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset Now = ChinaTime.At(2026, 7, 10, 10).ToUniversalTime();

    [Fact]
    public async Task Drafts_started_at_the_same_moment_get_distinct_consecutive_numbers()
    {
        Campaign campaign;
        Organisation applicant;
        await using (var db = fixture.CreateContext())
        {
            var ministry = TestData.Organisation("ministry", OrganisationLevel.Ministry, null);
            applicant = TestData.Organisation("applicant", OrganisationLevel.County, "440605");
            campaign = TestData.Campaign(ministry, (1, OrganisationLevel.ProvincialUnit), (2, OrganisationLevel.Ministry));
            db.AddRange(applicant, campaign);
            await db.SaveChangesAsync();
        }
        const int racers = 5;

        var applications = await RowLockRace.RunAsync(fixture.ConnectionString, "Campaigns", campaign.Id, waiters: racers,
            () => Task.WhenAll(Enumerable.Range(0, racers).Select(async _ =>
            {
                await using var db = fixture.CreateContext();
                return await ApplicationFactory.StartDraftAsync(db, campaign, applicant, new Actor(Guid.NewGuid(), "officer", applicant.Id), Now);
            })));

        var prefix = $"{campaign.Programme.NumberPrefix()}-{campaign.Year}-";
        Assert.Equal(Enumerable.Range(1, racers).Select(n => $"{prefix}{n:0000}"), applications.Select(a => a.Number).Order(StringComparer.Ordinal));
        await using var check = fixture.CreateContext();
        Assert.Equal(racers, (await check.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id)).ApplicationCounter);
    }

    [Fact]
    public async Task Two_uploads_at_once_cannot_together_pass_the_total_limit()
    {
        Application application;
        await using (var db = fixture.CreateContext())
        {
            application = await TestData.SaveApplicationAsync(db);
            application.FormEditionKey = "zone-2026";
            await db.SaveChangesAsync();
        }
        var limits = new EvidenceLimits { MaxFileBytes = 2048, MaxTotalBytes = 3072 };
        var file = new byte[2000];
        EvidenceSamples.Pdf.CopyTo(file, 0);
        var officer = new Actor(Guid.NewGuid(), "officer", application.OrganisationId);

        // Each of 2000 bytes fits alone; both together (4000) do not. Both wait on the application row, then go in turn.
        var results = await RowLockRace.RunAsync(fixture.ConnectionString, "Applications", application.Id, waiters: 2,
            () => Task.WhenAll(new[] { "4", "5" }.Select(async slot =>
            {
                await using var db = fixture.CreateContext();
                return await EvidenceStore.AddAsync(db, application, slot, $"{slot}.pdf", new MemoryStream(file), officer, Now, limits);
            })));

        Assert.Single(results, r => r.Succeeded);
        Assert.StartsWith("本申报的佐证材料合计不能超过 3 KB", Assert.Single(results, r => !r.Succeeded).Error, StringComparison.Ordinal);
        await using var check = fixture.CreateContext();
        var stored = await check.Evidence.Where(e => e.ApplicationId == application.Id).Select(e => e.SizeBytes).ToListAsync();
        Assert.Equal([2000L], stored);
    }
}
