using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Publication;

namespace SmeZones.Web.Tests.Registry;

/// <summary>复核 rounds through the round editor (ADR 0066): due entries in, prefilled applications for their holders out.</summary>
[Collection(PortalCollection.Name)]
public class ReReviewRoundTests(PortalHost host)
{
    /// <summary>The 新疆 复核 round as the editor posts it, re-reviewing the given entries.</summary>
    private Dictionary<string, string> ReReviewRound(string name, params Guid[] entries)
    {
        var now = host.Clock.GetUtcNow();
        string Time(DateTimeOffset t) => RoundDefinition.FormatTime(t).Replace(' ', 'T');
        var fields = new Dictionary<string, string>
        {
            ["Round.Programme"] = "ClusterReview", ["Round.Year"] = "2026", ["Round.Name"] = name, ["Round.FormEdition"] = "cluster-review-xj",
            ["Round.OpensAt"] = Time(now.AddDays(-1)), ["Round.ClosesAt"] = Time(now.AddDays(30)),
            ["Round.NoticeNumber"] = "新工信中小〔2026〕1号", ["Round.OfficialDeadline"] = "按通知要求报送", ["Round.ApplicantLevel"] = "County",
            ["Round.Stages[0].Level"] = "Prefecture", ["Round.Stages[0].Name"] = "地（州、市）初审", ["Round.Stages[0].Deadline"] = Time(now.AddDays(40)),
            ["Round.Stages[1].Level"] = "ProvincialUnit", ["Round.Stages[1].Name"] = "自治区复核", ["Round.Stages[1].Deadline"] = Time(now.AddDays(50)),
            ["Round.IntroMaxChars"] = "300",
        };
        if (entries.Length > 0)
        {
            fields["Round.ReReviewEntries"] = entries[0].ToString(); // the editor's client posts one value per name
        }
        return fields;
    }

    private async Task<int> IdOfAsync(string name)
    {
        await using var db = host.NewDbContext();
        return await db.Campaigns.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_organiser_opens_a_re_review_round_in_the_editor_and_publishing_creates_the_holders_prefilled_application_no_one_else_can_open()
    {
        var due = await host.TestData.CreateDueClusterAsync();
        var organiser = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "650000", Roles.Reviewer);
        using var client = await host.SignedInAsync(organiser);

        var editor = await client.GetDocumentAsync("/Rounds/Edit");
        Assert.NotNull(editor.QuerySelector($"#re-review input[type=checkbox][value='{due.Entry.Id}']"));

        var name = $"2026年新疆集群复核（测试{TestData.Unique()}）";
        using (var saved = await client.SubmitAsync("/Rounds/Edit", ReReviewRound(name, due.Entry.Id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var id = await IdOfAsync(name);
        await using (var db = host.NewDbContext())
        {
            Assert.False(await db.Applications.AnyAsync(a => a.CampaignId == id)); // a draft creates nothing yet
        }
        using (var published = await client.SubmitAsync($"/Rounds/Overview/{id}", new Dictionary<string, string>(), "form[action*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Core.Applications.Application application;
        await using (var db = host.NewDbContext())
        {
            application = await db.Applications.SingleAsync(a => a.CampaignId == id);
            // The holder is told, with a link to the application.
            var message = await db.Messages.SingleAsync(m => m.RecipientId == due.Holder.Id && m.Kind == Core.Notifications.MessageKinds.ReReviewApplicationCreated.Key);
            Assert.Contains(application.Number, message.Title, StringComparison.Ordinal);
        }
        Assert.Equal((due.Entry.Id, due.Holder.OrganisationId, due.Entry.Name), (application.ReReviewEntryId, (int?)application.OrganisationId, application.Title));
        Assert.Equal(due.Entry.Name, application.Answers["basic.clusterName"]);
        Assert.Equal(due.Entry.OperatorName, application.Answers["basic.operator"]);
        // The plan-versus-actual table holds exactly the original plan's targets, row by row; no actuals yet (no annual reports).
        var expected = due.OriginalAnswers.ToDictionary(a => a.Key.Replace("plan.targets.", "plan.achievement.", StringComparison.Ordinal), a => a.Value);
        var prefilled = application.Answers.Where(a => a.Key.StartsWith("plan.", StringComparison.Ordinal)).ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(expected.OrderBy(a => a.Key), prefilled.OrderBy(a => a.Key));

        using var holder = await host.SignedInAsync(due.Holder);
        var page = await holder.GetDocumentAsync($"/Applications/{application.Id}");
        Assert.Contains(application.Number, page.Body!.TextContent, StringComparison.Ordinal);
        var section = await holder.GetDocumentAsync($"/Applications/{application.Id}/Sections/plan");
        Assert.Equal("12%", section.QuerySelector("input[name='plan.achievement.outputGrowth.target']")?.GetAttribute("value"));

        // Another county of the same 地州 neither reaches the application nor may start one in the round.
        var neighbour = await host.TestData.CreateUserAsync(OrganisationLevel.County, "652302", Roles.Applicant);
        using var other = await host.SignedInAsync(neighbour);
        using (var denied = await other.Http.GetAsync(new Uri($"/Applications/{application.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }
        Assert.DoesNotContain(name, (await other.GetDocumentAsync("/Applications")).Body!.TextContent, StringComparison.Ordinal);
        // The holder sees the application it was given (it did not start it).
        Assert.Contains(application.Number, (await holder.GetDocumentAsync("/Applications")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_refuses_an_entry_that_is_not_due_beside_the_list_and_saves_nothing()
    {
        var organiser = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "650000", Roles.Reviewer);
        var holder = await host.TestData.CreateOrganisationAsync(OrganisationLevel.County, "652301");
        var valid = await host.TestData.CreateRegistryEntryAsync(holder, Programme.Cluster);
        using var client = await host.SignedInAsync(organiser);
        var name = $"复核批次（测试{TestData.Unique()}）";

        using var response = await client.SubmitAsync("/Rounds/Edit", ReReviewRound(name, valid.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("不是期满待复核的条目", page.GetElementById("f-Round-ReReviewEntries-error")?.TextContent ?? "", StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Name == name));
    }

    [Fact]
    public async Task An_entry_whose_re_review_was_not_filed_by_the_deadline_is_offered_to_the_ministry_for_revocation_and_stays_until_revoked()
    {
        var due = await host.TestData.CreateDueClusterAsync("652323");
        var organiser = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "650000", Roles.Reviewer);
        using var client = await host.SignedInAsync(organiser);
        var name = $"2026年新疆集群复核（测试{TestData.Unique()}）";
        using (await client.SubmitAsync("/Rounds/Edit", ReReviewRound(name, due.Entry.Id))) { }
        var id = await IdOfAsync(name);
        using (await client.SubmitAsync($"/Rounds/Overview/{id}", new Dictionary<string, string>(), "form[action*='handler=Publish']")) { }
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        Assert.DoesNotContain(due.Entry.CertificateNumber, (await ministry.GetDocumentAsync("/Registry/ReReview")).QuerySelector("table.re-review-failures")!.TextContent, StringComparison.Ordinal);

        // The round closes with the holder's application never submitted.
        await using (var db = host.NewDbContext())
        {
            var round = await db.Campaigns.SingleAsync(c => c.Id == id);
            round.ClosesAt = host.Clock.GetUtcNow().AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var list = await ministry.GetDocumentAsync("/Registry/ReReview");
        var row = list.QuerySelectorAll("table.re-review-failures tbody tr").Single(r => r.TextContent.Contains(due.Entry.CertificateNumber, StringComparison.Ordinal));
        Assert.Equal("逾期未提交复核申报", row.QuerySelector(".why")!.TextContent.Trim());
        var revoke = await ministry.GetDocumentAsync(row.QuerySelector("a[href*='Revoke']")!.GetAttribute("href")!);
        Assert.Contains("逾期未提交复核申报", revoke.QuerySelector("textarea[name='Text']")!.TextContent, StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        Assert.Equal(RegistryStatus.ExpiredAwaitingReview, await check.RegistryEntries.Where(e => e.Id == due.Entry.Id).Select(e => e.Status).SingleAsync());
    }

    [Fact]
    public async Task Certifying_a_re_review_application_extends_the_existing_entry_instead_of_registering_a_new_one()
    {
        try
        {
            host.Clock.Set(ChinaTime.At(2026, 11, 30, 10));
            var round = await host.RoundAtMinistryAsync(1);
            var entry = await host.TestData.CreateRegistryEntryAsync(round.Applicant.Organisation!, Programme.Zone, new DateOnly(2021, 6, 30),
                new DateOnly(2025, 12, 31), RegistryStatus.ExpiredAwaitingReview);
            await using (var db = host.NewDbContext())
            {
                var application = await db.Applications.SingleAsync(a => a.Id == round.Applications[0].Id);
                application.ReReviewEntryId = entry.Id;
                await db.SaveChangesAsync();
            }
            using var ministry = host.NewClient();
            await ministry.SignInAsync(round.Ministry.UserName!);
            await ministry.PublishAsync(round, 1, new DateOnly(2026, 12, 1));

            host.Clock.Set(ChinaTime.At(2026, 12, 8, 9));
            using var officer = host.NewClient();
            await officer.SignInAsync(round.Ministry.UserName!);
            using (var certified = await officer.SubmitAsync($"/Ministry/List/{round.CampaignId}/Certify", new Dictionary<string, string>
            {
                ["Format"] = "合作区〔{year}〕{n:000}号", ["CertifiedOn"] = "2026-12-08", ["Choices[0].Certify"] = "true",
            }, "#certify-form"))
            {
                Assert.Equal(HttpStatusCode.Redirect, certified.StatusCode);
            }

            await using var check = host.NewDbContext();
            var after = await check.RegistryEntries.SingleAsync(e => e.Id == entry.Id);
            Assert.Equal((RegistryStatus.ReviewPassed, new DateOnly(2030, 12, 31), entry.CertificateNumber), (after.Status, after.ValidUntil, after.CertificateNumber));
            Assert.False(await check.RegistryEntries.AnyAsync(e => e.ApplicationId == round.Applications[0].Id));
            Assert.False(await check.Certifications.AnyAsync(c => c.CampaignId == round.CampaignId));
            Assert.Contains(await check.RegistryChanges.Where(c => c.EntryId == entry.Id).ToListAsync(),
                c => c.Field == RegistryFields.ValidUntil && c.NewValue == "2030年12月31日" && c.EffectiveOn == new DateOnly(2026, 12, 8));
        }
        finally
        {
            host.Clock.Reset();
        }
    }
}
