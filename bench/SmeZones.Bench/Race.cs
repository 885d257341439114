using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;

namespace SmeZones.Bench;

/// <summary>
/// The quota race across two portal instances (bench/two-instances.sh): two drafts of one applicant are submitted,
/// their reviewing unit is left exactly one recommendation place, and two reviewers of that unit post 推荐 at the
/// same moment, one to each instance. Then the database is read: one recommendation, the place taken once, the
/// other reviewer told the quota is used up. Exit code 1 names what did not hold.
/// </summary>
internal static class Race
{
    public static async Task<int> RunAsync(Options options)
    {
        var applicant = options.Get("applicant", "applicant.foshan");
        var unitName = options.Get("unit", "广东省工业和信息化厅");
        var reviewers = (options.Get("reviewer-a", "reviewer.guangdong"), options.Required("reviewer-b"));
        var password = options.Get("password", "SmeZones#2026");
        var passwordB = options.Get("password-b", password);
        var ids = File.ReadLines(options.Required("ids")).Select(l => l.Split('\t'))
            .Where(l => l[0] == applicant).Select(l => Guid.Parse(l[1])).Take(2).ToArray();
        if (ids.Length < 2)
        {
            Console.WriteLine($"FAIL: fewer than two drafts of {applicant} in the ids file.");
            return 1;
        }

        await using var db = PortalDatabase.Create(options.Required("connection"));
        var unit = await db.Organisations.SingleAsync(o => o.Name == unitName);
        var applications = new List<Application>();
        foreach (var id in ids)
        {
            var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation).SingleAsync(a => a.Id == id);
            var user = await db.Users.OrderBy(u => u.UserName).FirstAsync(u => u.UserName == applicant);
            var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
            // The bench's drafts have complete answers but no uploaded files: evidence is not what this race is about.
            var refusal = ApplicationSubmission.Check(application, definition, [], DateTimeOffset.UtcNow);
            if (refusal is not null)
            {
                Console.WriteLine($"FAIL: {application.Number} cannot be submitted: {refusal}");
                return 1;
            }
            await ApplicationSubmission.SubmitAsync(db, application, definition, new Actor(user.Id, user.UserName!, user.OrganisationId), DateTimeOffset.UtcNow);
            applications.Add(application);
        }
        var campaignId = applications[0].CampaignId;
        // Exactly one place left for the unit at the first stage, whatever it had before.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QuotaUsages" ("CampaignId", "StageOrder", "OrganisationId", "Limit", "Used") VALUES ({campaignId}, 1, {unit.Id}, 1, 0)
            ON CONFLICT ("CampaignId", "StageOrder", "OrganisationId") DO UPDATE SET "Limit" = "QuotaUsages"."Used" + 1
            """);

        using var a = new PortalClient(new Uri(options.Required("a")), reviewers.Item1, ids[0]);
        using var b = new PortalClient(new Uri(options.Required("b")), reviewers.Item2, ids[1]);
        var forms = new List<List<KeyValuePair<string, string>>>();
        foreach (var client in new[] { a, b })
        {
            await client.SignInAsync(client == a ? password : passwordB);
            var page = await client.GetAsync($"/Review/Applications/{client.ApplicationId}/Decision");
            if (page.Status != HttpStatusCode.OK)
            {
                Console.WriteLine($"FAIL: {client.UserName} could not open the decision page ({(int)page.Status}).");
                return 1;
            }
            forms.Add(
            [
                new("Decision", "Recommend"), new("Opinion", "经审核，同意推荐。"), new("Version", PortalClient.Version(page.Body)),
                new("__RequestVerificationToken", PortalClient.Token(page.Body)),
            ]);
        }

        // Both requests leave together; the database's row lock on the unit's quota row decides.
        var posts = await Task.WhenAll(
            a.PostFormAsync($"/Review/Applications/{a.ApplicationId}/Decision", forms[0]),
            b.PostFormAsync($"/Review/Applications/{b.ApplicationId}/Decision", forms[1]));
        var saved = posts.Count(p => p.Status == HttpStatusCode.Redirect);
        var refused = posts.Count(p => p.Status == HttpStatusCode.OK && p.Body.Contains("名额", StringComparison.Ordinal) && p.Body.Contains("已用完", StringComparison.Ordinal));
        Console.WriteLine($"instance A ({reviewers.Item1}): {(int)posts[0].Status} in {posts[0].Ms:0} ms; instance B ({reviewers.Item2}): {(int)posts[1].Status} in {posts[1].Ms:0} ms");

        db.ChangeTracker.Clear();
        var recommended = await db.StageReviews.CountAsync(r => ids.Contains(r.ApplicationId) && r.StageOrder == 1 && r.Decision == ReviewDecision.Recommend);
        var usage = await db.Database.SqlQuery<int>($"""
            SELECT "Used" AS "Value" FROM "QuotaUsages" WHERE "CampaignId" = {campaignId} AND "StageOrder" = 1 AND "OrganisationId" = {unit.Id}
            """).SingleAsync();
        var limit = await db.Database.SqlQuery<int>($"""
            SELECT "Limit" AS "Value" FROM "QuotaUsages" WHERE "CampaignId" = {campaignId} AND "StageOrder" = 1 AND "OrganisationId" = {unit.Id}
            """).SingleAsync();
        Console.WriteLine($"database after: {recommended} of the 2 recommended; {unitName} places used {usage} of {limit}");
        if (saved == 1 && refused == 1 && recommended == 1 && usage == limit)
        {
            Console.WriteLine("ok: the quota race across the two instances has exactly one winner; the other reviewer was told the places are used up");
            return 0;
        }
        Console.WriteLine($"FAIL: {saved} saved, {refused} refused for the quota, {recommended} recommended, {usage}/{limit} places used");
        return 1;
    }
}
