using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Editions;

/// <summary>
/// Issue 10's proof that a new year is data: zone-2027 (TestEditions/zone-2027.json: zone-2026 with the round year
/// moved on and one label changed) is loaded from the editions directory setting, a round is made from
/// TestRounds/zone-2027.json through the create-round path, and an application goes the whole way. No C# in src
/// names zone-2027.
/// </summary>
[Collection(PortalCollection.Name)]
public class NewEditionAsDataTests(PortalHost host)
{
    [Fact]
    public async Task A_2027_edition_and_round_from_files_go_from_start_to_the_summary_table()
    {
        var applicant = await host.TestData.CreateUserAsync(OrganisationLevel.Prefecture, "440600", Roles.Applicant);
        var province = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440000", Roles.Reviewer);
        using var applicantClient = await host.SignedInAsync(applicant);
        var round = await CreateRoundFromFileAsync();
        Assert.Equal(("zone-2027", "zone-2024", 2027), (round.FormEditionKey, round.CriteriaEditionKey, round.Year));

        // Start, as the applicant does on the applications page.
        using var started = await applicantClient.SubmitAsync("/Applications", new Dictionary<string, string> { ["campaignId"] = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "main form[action*='Start']");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.CampaignId == round.Id);
        Assert.StartsWith("HZQ-2027-", application.Number, StringComparison.Ordinal);

        // Fill every section through the section pages; the 2027 form shows its own label and years.
        var definition = FormEditionCatalogue.Default.Get("zone-2027");
        var cover = await applicantClient.GetDocumentAsync($"/Applications/{application.Id}/Sections/{FormAnswerKeys.CoverSection}");
        Assert.Contains("申报日期", cover.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var answers = FormFixtures.Complete("zone-2026").Values.Where(a => a.Value != "false").ToDictionary(a => a.Key, a => a.Value);
        var sections = definition.Sections.Select(s => (s.Key, Slots: FormAnswerKeys.ForSection(definition, s, 2027)))
            .Prepend((FormAnswerKeys.CoverSection, FormAnswerKeys.For(definition, 2027).Where(s => s.SectionKey == FormAnswerKeys.CoverSection).ToList()));
        foreach (var (sectionKey, slots) in sections)
        {
            var fields = slots.Where(s => s.FilledBy == FieldFiller.Applicant && answers.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => answers[s.Key]);
            using var saved = await applicantClient.SubmitAsync($"/Applications/{application.Id}/Sections/{sectionKey}", fields, "form.section-form");
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"section {sectionKey}: {(int)saved.StatusCode}");
        }
        await AttachEvidenceAsync(application.Id, definition);
        var basic = await applicantClient.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic");
        Assert.Contains("2026年", basic.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // data years 2024–2026

        // The 汇总表 lines are part of the check: the 简介 draft, composed from the 2027 form's data years, saved as it is.
        var summaryPage = await applicantClient.GetDocumentAsync($"/Applications/{application.Id}/Summary");
        var draft = summaryPage.QuerySelector("main details p")!.TextContent;
        Assert.Contains("2026年，合作区营业总收入", draft, StringComparison.Ordinal);
        using (var summarySaved = await applicantClient.SubmitAsync($"/Applications/{application.Id}/Summary",
            new Dictionary<string, string> { ["Form.Partners"] = "德国、奥地利", ["Form.Intro"] = draft }, "main form[method=post]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, summarySaved.StatusCode);
        }

        // Self-check and submit: the zone-2024 criteria read the 2027 form unchanged.
        var check = await applicantClient.GetDocumentAsync($"/Applications/{application.Id}/Submit");
        Assert.Contains("可以提交", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var submitted = await applicantClient.SubmitAsync($"/Applications/{application.Id}/Submit", new Dictionary<string, string>(), "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        // Assess and recommend, as the province.
        using var reviewer = await host.SignedInAsync(province);
        var workspace = await reviewer.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=assessment");
        var assessed = workspace.QuerySelector("main")!.TextContent;
        Assert.Contains("中外中小企业合作区认定标准（2024年版）", assessed, StringComparison.Ordinal);
        Assert.Contains("2026年合作区营业总收入", assessed, StringComparison.Ordinal);
        using var decided = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Decision",
            new Dictionary<string, string> { ["Decision"] = "Recommend", ["Opinion"] = "符合认定标准，同意推荐。" }, "form#decision-form");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        // The 推荐汇总表 carries 2027 in its title and the application in its rows.
        var table = await reviewer.GetDocumentAsync($"/Review/Summary?campaignId={round.Id}");
        var text = table.QuerySelector("main")!.TextContent;
        Assert.Contains("2027年度中外中小企业合作区推荐汇总表", text, StringComparison.Ordinal);
        await using var after = host.NewDbContext();
        var title = (await after.Applications.SingleAsync(a => a.Id == application.Id)).Title;
        Assert.Equal(answers["basic.zoneName"], title);
        Assert.Contains(title, text, StringComparison.Ordinal);
    }

    /// <summary>The round file, with its times set around the test clock as the demo rounds' are, made by RoundSetup.</summary>
    private async Task<Campaign> CreateRoundFromFileAsync()
    {
        var ministry = await host.TestData.CreateOrganisationAsync(OrganisationLevel.Ministry, null);
        var definition = RoundDefinition.FromJson(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestRounds", "zone-2027.json")));
        var now = host.Clock.GetUtcNow();
        definition.Organiser = ministry.Name;
        definition.Name += $"（测试{TestData.Unique()}）";
        definition.OpensAt = RoundDefinition.FormatTime(now.AddDays(-1));
        definition.ClosesAt = RoundDefinition.FormatTime(now.AddDays(60));
        for (var i = 0; i < definition.Stages.Count; i++)
        {
            definition.Stages[i].Deadline = RoundDefinition.FormatTime(now.AddDays(60 + (15 * (i + 1))));
        }
        await using var db = host.NewDbContext();
        var created = await RoundSetup.CreateAsync(db, definition, Actor.System, now);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        return created.Campaign!;
    }

    private async Task AttachEvidenceAsync(Guid applicationId, FormDefinition definition)
    {
        await using var db = host.NewDbContext();
        var pdf = CompleteApplications.SmallPdf;
        foreach (var slot in EvidenceSlots.For(definition))
        {
            var id = Guid.NewGuid();
            db.Evidence.Add(new Evidence
            {
                Id = id, ApplicationId = applicationId, SlotKey = slot.Key, FileName = $"佐证{slot.Key}.pdf", ContentType = "application/pdf",
                SizeBytes = pdf.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), UploadedAt = host.Clock.GetUtcNow(),
                Content = new EvidenceContent { EvidenceId = id, Bytes = pdf },
            });
        }
        await db.SaveChangesAsync();
    }
}
