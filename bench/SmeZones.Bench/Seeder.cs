using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;

namespace SmeZones.Bench;

/// <summary>
/// Opens N drafts in the demo zone-2026 round with <see cref="ApplicationFactory"/> (so numbers come from the
/// campaign's counter, as in the portal), spread round-robin over the given applicant organisations, and fills
/// each with the complete fixture answers. Writes "user&lt;TAB&gt;application id" lines for the load generator.
/// </summary>
internal static class Seeder
{
    private const string Edition = "zone-2026";

    public static async Task<int> RunAsync(Options options)
    {
        var count = options.Int("count", 1000);
        var names = options.Get("organisations", "佛山市工业和信息化局,成都市经济和信息化局").Split(',', StringSplitOptions.TrimEntries);
        var output = options.Required("out");
        var started = Stopwatch.StartNew();

        await using var db = PortalDatabase.Create(options.Required("connection"));
        // The round open for applications now (the demo data also holds a closed zone round at the ministry's stage).
        var openAt = DateTimeOffset.UtcNow;
        var campaign = await db.Campaigns.Include(c => c.Stages)
            .Where(c => c.FormEditionKey == Edition && c.Status == CampaignStatus.Published && c.OpensAt <= openAt && c.ClosesAt > openAt)
            .OrderBy(c => c.Id).FirstAsync();
        var applicants = new List<(Organisation Organisation, Actor Actor)>();
        foreach (var name in names)
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == name);
            var user = await db.Users.OrderBy(u => u.UserName).FirstAsync(u => u.OrganisationId == organisation.Id);
            applicants.Add((organisation, new Actor(user.Id, user.UserName!, organisation.Id)));
        }

        var answers = FormFixtures.Complete(Edition).Values;
        var title = ApplicationTitle.From(FormEditionCatalogue.Default.Get(Edition), answers) ?? "";
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (organisation, actor) = applicants[i % applicants.Count];
            var now = DateTimeOffset.UtcNow;
            var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, actor, now);
            application.Answers = new Dictionary<string, string>(answers);
            application.Title = title;
            lines.Add($"{actor.UserName}\t{application.Id}");
            if (i % 50 == 49 || i == count - 1)
            {
                await db.SaveChangesAsync();
                // Keep the change tracker small; the campaign and organisations are only read from here on.
                db.ChangeTracker.Clear();
            }
        }

        await File.WriteAllLinesAsync(output, lines);
        var numbers = await db.Applications.Where(a => a.CampaignId == campaign.Id).Select(a => a.Number).ToListAsync();
        if (numbers.Distinct().Count() != numbers.Count)
        {
            Console.Error.WriteLine("Duplicate application numbers after seeding.");
            return 1;
        }
        Console.WriteLine($"Seeded {count} {Edition} drafts with complete answers for {string.Join("、", names)} " +
            $"({numbers.Count} in the round, numbers unique) in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
