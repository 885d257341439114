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
    public async Task Drafts_started_at_the_same_moment_in_two_rounds_of_one_programme_and_year_get_distinct_consecutive_numbers()
    {
        // Two rounds of the same programme and year (a 补充推荐 beside the main round), each of its own organiser.
        Campaign main, supplementary;
        Organisation applicant;
        const int year = 2099; // a year of this test's own (the class has its own database; the counter is per programme and year)
        await using (var db = fixture.CreateContext())
        {
            applicant = TestData.Organisation("applicant", OrganisationLevel.County, "440605");
            main = TestData.Campaign(TestData.Organisation("ministry", OrganisationLevel.Ministry, null), (1, OrganisationLevel.ProvincialUnit), (2, OrganisationLevel.Ministry));
            supplementary = TestData.Campaign(TestData.Organisation("ministry", OrganisationLevel.Ministry, null), (1, OrganisationLevel.ProvincialUnit), (2, OrganisationLevel.Ministry));
            main.Year = supplementary.Year = year;
            db.AddRange(applicant, main, supplementary);
            db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Programme = main.Programme, Year = year, Last = 0 });
            await db.SaveChangesAsync();
        }
        const int racers = 6;
        var lockCounter = """SELECT 1 FROM "ApplicationNumberCounters" WHERE "Programme" = @programme AND "Year" = @year FOR UPDATE""";

        var applications = await RowLockRace.RunAsync(fixture.ConnectionString, lockCounter,
            new Dictionary<string, object> { ["programme"] = (int)main.Programme, ["year"] = year }, waiters: racers,
            () => Task.WhenAll(Enumerable.Range(0, racers).Select(async i =>
            {
                await using var db = fixture.CreateContext();
                return await ApplicationFactory.StartDraftAsync(db, i % 2 == 0 ? main : supplementary, applicant, new Actor(Guid.NewGuid(), "officer", applicant.Id), Now);
            })));

        var prefix = $"{main.Programme.NumberPrefix()}-{year}-";
        Assert.Equal(Enumerable.Range(1, racers).Select(n => $"{prefix}{n:0000}"), applications.Select(a => a.Number).Order(StringComparer.Ordinal));
        Assert.Equal(racers / 2, applications.Count(a => a.CampaignId == supplementary.Id));
        await using var check = fixture.CreateContext();
        Assert.Equal(racers, (await check.ApplicationNumberCounters.AsNoTracking().SingleAsync(c => c.Programme == main.Programme && c.Year == year)).Last);
    }

    [Fact]
    public async Task A_second_round_of_the_same_programme_and_year_continues_the_numbers_and_another_year_starts_its_own()
    {
        const int year = 2097; // and 2098: years no other test here uses
        await using var db = fixture.CreateContext();
        var applicant = TestData.Organisation("applicant", OrganisationLevel.County, "440605");
        var rounds = Enumerable.Range(0, 3).Select(_ => TestData.Campaign(TestData.Organisation("ministry", OrganisationLevel.Ministry, null), (1, OrganisationLevel.ProvincialUnit))).ToList();
        rounds[0].Year = rounds[1].Year = year;
        rounds[2].Year = year + 1;
        db.AddRange(applicant);
        db.AddRange(rounds);
        await db.SaveChangesAsync();
        var officer = new Actor(Guid.NewGuid(), "officer", applicant.Id);

        var numbers = new List<string>();
        foreach (var round in new[] { rounds[0], rounds[1], rounds[0], rounds[2] })
        {
            numbers.Add((await ApplicationFactory.StartDraftAsync(db, round, applicant, officer, Now)).Number);
        }

        Assert.Equal([$"JQ-{year}-0001", $"JQ-{year}-0002", $"JQ-{year}-0003", $"JQ-{year + 1}-0001"], numbers);
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
