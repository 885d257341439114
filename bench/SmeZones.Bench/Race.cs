using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;

namespace SmeZones.Bench;

/// <summary>
/// The quota race across two portal instances (bench/two-instances.sh), repeated: each time two more drafts of one
/// applicant are submitted, their reviewing unit is left exactly one recommendation place, and two reviewers of that
/// unit post 推荐 at the same moment, one to each instance. Then the database is read: one more recommendation, the
/// place taken once, the other reviewer shown the quota message on the decision page (not an error page). The drafts
/// are taken from the end of the applicant's list, so the load phases' clients (the first ones) keep theirs.
/// Exit code 1 when any repetition did not hold.
/// </summary>
internal static class Race
{
    public static async Task<int> RunAsync(Options options)
    {
        var applicant = options.Get("applicant", "applicant.foshan");
        var unitName = options.Get("unit", "广东省工业和信息化厅");
        var reviewerA = options.Get("reviewer-a", "reviewer.guangdong");
        var reviewerB = options.Required("reviewer-b");
        var password = options.Get("password", "SmeZones#2026");
        var passwordB = options.Get("password-b", password);
        var repeat = options.Int("repeat", 5);
        var ids = File.ReadLines(options.Required("ids")).Select(l => l.Split('\t'))
            .Where(l => l[0] == applicant).Select(l => Guid.Parse(l[1])).Reverse().Take(2 * repeat).ToArray();
        if (ids.Length < 2 * repeat)
        {
            Console.WriteLine($"FAIL: fewer than {2 * repeat} drafts of {applicant} in the ids file.");
            return 1;
        }

        await using var db = PortalDatabase.Create(options.Required("connection"));
        var unit = await db.Organisations.SingleAsync(o => o.Name == unitName);
        var user = await db.Users.SingleAsync(u => u.UserName == applicant);
        var submitter = new Actor(user.Id, user.UserName!, user.OrganisationId);
        using var a = new PortalClient(new Uri(options.Required("a")), reviewerA, Guid.Empty);
        using var b = new PortalClient(new Uri(options.Required("b")), reviewerB, Guid.Empty);
        await a.SignInAsync(password);
        await b.SignInAsync(passwordB);

        var failures = 0;
        for (var round = 1; round <= repeat; round++)
        {
            var pair = ids.Skip(2 * (round - 1)).Take(2).ToArray();
            var line = await RaceOnceAsync(db, unit.Id, submitter, pair, (a, b));
            Console.WriteLine($"race {round}/{repeat}: {line.Text}");
            failures += line.Ok ? 0 : 1;
        }
        if (failures > 0)
        {
            Console.WriteLine($"FAIL: {failures} of {repeat} quota races did not have exactly one winner and one clear refusal");
            return 1;
        }
        Console.WriteLine($"ok: {repeat} of {repeat} quota races across the two instances had exactly one winner; the other reviewer was told the places are used up");
        return 0;
    }

    private static async Task<(bool Ok, string Text)> RaceOnceAsync(
        PortalDbContext db, int unitId, Actor submitter, Guid[] pair, (PortalClient A, PortalClient B) reviewers)
    {
        db.ChangeTracker.Clear();
        var campaignId = 0;
        foreach (var id in pair)
        {
            var application = await db.Applications.Include(x => x.Campaign).ThenInclude(c => c!.Stages).Include(x => x.Organisation).SingleAsync(x => x.Id == id);
            var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
            // The applicant's 推荐汇总表 lines, as the summary page saves them (the seeded drafts have the form's answers only).
            application.SummaryIntro = "合作区简介：" + application.Number;
            application.SummaryPartners = "德国、日本";
            // The bench's drafts have complete answers but no uploaded files: evidence is not what this race is about.
            if (ApplicationSubmission.Check(application, definition, [], DateTimeOffset.UtcNow) is { } refusal)
            {
                return (false, $"{application.Number} cannot be submitted: {refusal.Message}");
            }
            await ApplicationSubmission.SubmitAsync(db, application, definition, submitter, DateTimeOffset.UtcNow);
            campaignId = application.CampaignId;
        }
        // Exactly one place left for the unit at the first stage, whatever earlier races left.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QuotaUsages" ("CampaignId", "StageOrder", "OrganisationId", "Limit", "Used") VALUES ({campaignId}, 1, {unitId}, 1, 0)
            ON CONFLICT ("CampaignId", "StageOrder", "OrganisationId") DO UPDATE SET "Limit" = "QuotaUsages"."Used" + 1
            """);
        var usedBefore = await UsedAsync(db, campaignId, unitId);

        var forms = new List<List<KeyValuePair<string, string>>>();
        foreach (var (client, id) in new[] { (reviewers.A, pair[0]), (reviewers.B, pair[1]) })
        {
            var page = await client.GetAsync($"/Review/Applications/{id}/Decision");
            if (page.Status != HttpStatusCode.OK)
            {
                return (false, $"{client.UserName} could not open the decision page of {id} ({(int)page.Status})");
            }
            forms.Add(
            [
                new("Decision", "Recommend"), new("Opinion", "经审核，同意推荐。"), new("Version", PortalClient.Version(page.Body)),
                new("__RequestVerificationToken", PortalClient.Token(page.Body)),
            ]);
        }

        // Both requests wait at one gate on their own threads, then leave together (each client's connection is
        // already open from the GET); the database's row lock on the unit's quota row decides.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opened = Stopwatch.GetTimestamp();
        var posting = new[] { (reviewers.A, pair[0], forms[0]), (reviewers.B, pair[1], forms[1]) }
            .Select(p => Task.Run(async () =>
            {
                await gate.Task;
                var sent = Stopwatch.GetElapsedTime(opened).TotalMilliseconds;
                var answer = await p.Item1.PostFormAsync($"/Review/Applications/{p.Item2}/Decision", p.Item3);
                return (answer.Status, answer.Body, answer.Ms, Sent: sent, Answered: Stopwatch.GetElapsedTime(opened).TotalMilliseconds);
            })).ToArray();
        gate.SetResult();
        var posts = await Task.WhenAll(posting);
        // A race only if each request left before the other was answered.
        var overlapped = posts[0].Sent < posts[1].Answered && posts[1].Sent < posts[0].Answered;

        var saved = posts.Count(p => p.Status == HttpStatusCode.Redirect);
        var refused = posts.Count(p => p.Status == HttpStatusCode.OK && ToldQuotaIsUsedUp(p.Body));
        var recommended = await db.StageReviews.CountAsync(r => pair.Contains(r.ApplicationId) && r.StageOrder == 1 && r.Decision == ReviewDecision.Recommend);
        var usedAfter = await UsedAsync(db, campaignId, unitId);
        var text = $"A ({reviewers.A.UserName}) {(int)posts[0].Status} in {posts[0].Ms:0} ms, B ({reviewers.B.UserName}) {(int)posts[1].Status} in {posts[1].Ms:0} ms; "
            + $"sent {Math.Abs(posts[0].Sent - posts[1].Sent):0.0} ms apart, {(overlapped ? "in flight together" : "NOT in flight together")}; "
            + $"{saved} saved, {refused} shown the quota message; {recommended} of 2 recommended; places used {usedBefore} → {usedAfter}";
        return (overlapped && saved == 1 && refused == 1 && recommended == 1 && usedAfter == usedBefore + 1, text);
    }

    /// <summary>The decision page again, with the quota message beside the 结论 field and in the error summary.</summary>
    private static bool ToldQuotaIsUsedUp(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        static bool IsQuotaMessage(string? text) => text is not null && text.Contains("推荐名额", StringComparison.Ordinal) && text.Contains("已用完", StringComparison.Ordinal);
        return IsQuotaMessage(page.GetElementById("f-Decision-error")?.TextContent)
            && IsQuotaMessage(page.GetElementById("error-summary")?.TextContent)
            && page.GetElementById("decision-form") is not null;
    }

    private static Task<int> UsedAsync(PortalDbContext db, int campaignId, int unitId) =>
        db.Database.SqlQuery<int>($"""
            SELECT "Used" AS "Value" FROM "QuotaUsages" WHERE "CampaignId" = {campaignId} AND "StageOrder" = 1 AND "OrganisationId" = {unitId}
            """).SingleAsync();
}
