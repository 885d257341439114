using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Applications;

[Collection(PortalCollection.Name)]
public class SubmitTests(PortalHost host)
{
    private TestData TestData => host.TestData;

    [Fact]
    public async Task A_complete_application_is_submitted_frozen_and_read_only()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        var check = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");
        Assert.Contains("可以提交", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Submit", new Dictionary<string, string>(), "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.Applications.SingleAsync(a => a.Id == application.Id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Equal(1, saved.CurrentStageOrder);
        var submission = await db.Submissions.SingleAsync(s => s.ApplicationId == application.Id);
        Assert.True(SubmissionSnapshot.Verify(submission));
        var snapshot = SubmissionSnapshot.Parse(submission.CanonicalJson);
        // Every answer as saved, key by key and value by value, not merely as many.
        Assert.Equal(saved.Answers.OrderBy(a => a.Key, StringComparer.Ordinal), snapshot.Answers);
        Assert.Equal("zone-2026", snapshot.Definition.Key);
        Assert.Equal(15, snapshot.Evidence.Select(e => e.SlotKey).Distinct().Count());
        Assert.Contains(db.AuditEvents, e => e.EntityId == application.Id.ToString() && e.Action == "Submitted");

        // Read-only now: a save is refused and changes nothing.
        using var save = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "提交后修改" }, "form.section-form");
        var page = await PortalClient.ParseAsync(save);
        Assert.Contains("已提交", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await using var after = host.NewDbContext();
        Assert.NotEqual("提交后修改", (await after.Applications.SingleAsync(a => a.Id == application.Id)).Answers["basic.zoneName"]);
    }

    [Fact]
    public async Task An_incomplete_application_is_refused_with_what_is_missing()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        // The page offers no submit button; post as a hand-made request would, with a valid token.
        var page0 = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");
        Assert.Null(page0.QuerySelector("main form[method=post] button"));
        var token = page0.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.Http.PostAsync(new Uri($"/Applications/{application.Id}/Submit", UriKind.Relative), content);

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未上传", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("需要填写或修改", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
        Assert.False(await db.Submissions.AnyAsync(s => s.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Submission_after_the_closing_time_is_refused_with_the_closing_time_shown()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        await using var db = host.NewDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == application.CampaignId);
        // Sign in a minute before the deadline (sign-in cookies expire by the same clock), then let it pass.
        host.Clock.Set(campaign.ClosesAt.AddMinutes(-1));
        try
        {
            using var client = await host.SignedInAsync(chain.Applicant);
            var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Submit");
            var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            host.Clock.Set(campaign.ClosesAt);

            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            using var response = await client.Http.PostAsync(new Uri($"/Applications/{application.Id}/Submit", UriKind.Relative), content);

            var result = await PortalClient.ParseAsync(response);
            Assert.Contains($"本批次已于 {ChinaTime.Format(campaign.ClosesAt)} 截止", result.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            host.Clock.Reset();
        }
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id)).Status);
    }

    [Fact]
    public async Task The_snapshot_keeps_what_was_submitted_whatever_happens_to_the_live_record()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);
        using var _ = await client.SubmitAsync($"/Applications/{application.Id}/Submit", new Dictionary<string, string>(), "main form[method=post]");
        await using var db = host.NewDbContext();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id);
        var live = await db.Applications.SingleAsync(a => a.Id == application.Id);

        live.Answers = new Dictionary<string, string>(live.Answers) { ["basic.zoneName"] = "事后篡改" };
        await db.SaveChangesAsync();
        // As the schema's owner: the portal's own role may not UPDATE submissions at all (ADR 0006), the owner may, and
        // is refused by the append-only trigger itself, not by some unrelated failure of the statement.
        await using var owner = host.NewOwnerDbContext();
        var tamper = owner.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Submissions\" SET \"CanonicalJson\" = '{{}}' WHERE \"Id\" = {submission.Id}");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => tamper);
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submission.Id);
        Assert.Equal(submission.CanonicalJson, stored.CanonicalJson);
        Assert.True(SubmissionSnapshot.Verify(stored));
        Assert.NotEqual("事后篡改", SubmissionSnapshot.Parse(stored.CanonicalJson).Answers["basic.zoneName"]);
    }

    [Fact]
    public async Task Exported_answers_import_into_another_draft_unchanged_and_bad_values_are_reported()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var source = await TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        var target = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        using var export = await client.Http.GetAsync(new Uri($"/Applications/{source.Id}/Export", UriKind.Relative));
        var json = await export.Content.ReadAsStringAsync();
        using var imported = await ImportAsync(client, target.Id, json);

        await using var db = host.NewDbContext();
        var sourceAnswers = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == source.Id)).Answers;
        var targetAnswers = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == target.Id)).Answers;
        Assert.Equal(sourceAnswers.OrderBy(a => a.Key), targetAnswers.OrderBy(a => a.Key));
        Assert.Contains("所有值均已导入", (await PortalClient.ParseAsync(imported)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var bad = json.Replace("\"revenue.total.y3\": \"", "\"revenue.total.y3\": \"12.345", StringComparison.Ordinal)
            .Replace("\"answers\": {", "\"answers\": {\n    \"no.such.key\": \"1\",", StringComparison.Ordinal);
        using var report = await ImportAsync(client, target.Id, bad);
        var text = (await PortalClient.ParseAsync(report)).QuerySelector("main")!.TextContent;
        Assert.Contains("合作区营业总收入（2025年）", text, StringComparison.Ordinal);
        Assert.Contains("no.such.key", text, StringComparison.Ordinal);
        await using var after = host.NewDbContext();
        Assert.Equal(sourceAnswers["revenue.total.y3"], (await after.Applications.AsNoTracking().SingleAsync(a => a.Id == target.Id)).Answers["revenue.total.y3"]);
    }

    private static async Task<HttpResponseMessage> ImportAsync(PortalClient client, Guid id, string json)
    {
        var page = await client.GetDocumentAsync($"/Applications/{id}/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "file", "answers.json" },
        };
        return await client.Http.PostAsync(new Uri($"/Applications/{id}/Import", UriKind.Relative), form);
    }
}
