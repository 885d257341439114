using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Messages;

namespace SmeZones.Web.Tests.Registry;

/// <summary>The 年度发展报告 through its pages: holder → province → ministry, access, print and PDF, overdue, reminders.</summary>
[Collection(PortalCollection.Name)]
public class AnnualReportPageTests(PortalHost host)
{
    private int LastYear => Dates.Today(host.Clock.GetUtcNow()).Year - 1;

    private async Task<(RoundChain Chain, RegistryEntry Entry, string Url)> OwingEntryAsync()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateEntryOwingReportsAsync(chain.ApplicantOrganisation, new DateOnly(LastYear - 1, 6, 30), new DateOnly(LastYear, 1, 1));
        return (chain, entry, $"/Registry/{entry.Id}/Annual/{LastYear}");
    }

    /// <summary>The holder starts, fills, uploads the evidence and submits the report over HTTP, as a browser without JavaScript.</summary>
    private async Task FileAsync(PortalClient holder, string url, IReadOnlyDictionary<string, string>? answers = null)
    {
        using (var started = await holder.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Start']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }
        var posted = TestData.CompleteAnnualReport(Programme.Zone, LastYear);
        foreach (var (key, value) in answers ?? new Dictionary<string, string>())
        {
            posted[key] = value;
        }
        using (var saved = await holder.SubmitAsync(url, posted, "#report-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var form = (await holder.GetDocumentAsync(url)).QuerySelector("main form[enctype='multipart/form-data']")!;
        using (var content = new MultipartFormDataContent())
        {
            foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
            {
                content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
            }
            content.Add(new ByteArrayContent(CompleteApplications.SmallPdf), "evidence", "发展报告证明.pdf");
            using var uploaded = await holder.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }
        using var submitted = await holder.SubmitAsync(url, new Dictionary<string, string>(), "main form[action$='/Step']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    private static async Task StepAsync(PortalClient client, string url, bool pass, string comment = "")
    {
        using var response = await client.SubmitAsync(url, new Dictionary<string, string> { ["Pass"] = pass ? "true" : "false", ["Comment"] = comment }, "main form[action$='/Step']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<AnnualReport> ReportAsync(RegistryEntry entry)
    {
        await using var db = host.NewDbContext();
        return await db.AnnualReports.AsNoTracking().SingleAsync(r => r.EntryId == entry.Id && r.Year == LastYear);
    }

    [Fact]
    public async Task A_zone_files_its_report_the_province_returns_then_forwards_it_and_the_ministry_accepts_it_each_step_told_and_audited()
    {
        var (chain, entry, url) = await OwingEntryAsync();
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        using var holder = await host.SignedInAsync(chain.Applicant);
        await FileAsync(holder, url);
        var report = await ReportAsync(entry);
        Assert.Equal(AnnualReportStatus.WithProvince, report.Status);
        Assert.Single(await host.MessagesOfAsync(chain.Province, MessageKinds.AnnualReportSubmitted.Key));

        using var province = await host.SignedInAsync(chain.Province);
        var page = await province.GetDocumentAsync(url);
        Assert.Contains("待省级审核", page.QuerySelector("#report-status")!.TextContent, StringComparison.Ordinal);
        // What the province reads is the submitted snapshot, read-only.
        Assert.NotNull(page.QuerySelector("#report-form input[disabled], #report-form textarea[disabled], #report-form input[readonly]"));
        Assert.NotNull(page.QuerySelector("#report-form fieldset[disabled]"));
        Assert.NotNull(page.GetElementById("report-read-only"));
        Assert.Null((await holder.GetDocumentAsync(url)).QuerySelector("#report-form fieldset[disabled] ~ button[type=submit]"));
        using (var refused = await province.SubmitAsync(url, new Dictionary<string, string> { ["Pass"] = "false", ["Comment"] = "" }, "main form[action$='/Step']"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("退回时请填写意见", (await PortalClient.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await StepAsync(province, url, pass: false, "请补充外资企业数量的来源。");
        Assert.Equal(AnnualReportStatus.Returned, (await ReportAsync(entry)).Status);
        Assert.Single(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportReturned.Key));

        using (var resubmitted = await holder.SubmitAsync(url, new Dictionary<string, string>(), "main form[action$='/Step']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        }
        await StepAsync(province, url, pass: true);
        Assert.Single(await host.MessagesOfAsync(ministryUser, MessageKinds.AnnualReportForwarded.Key), m => m.Body.Contains(entry.Name, StringComparison.Ordinal));
        using var ministry = await host.SignedInAsync(ministryUser);
        await StepAsync(ministry, url, pass: true);

        report = await ReportAsync(entry);
        Assert.Equal((AnnualReportStatus.Accepted, 2), (report.Status, report.Submissions));
        Assert.Single(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportAccepted.Key));
        await using var db = host.NewDbContext();
        var actions = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(AnnualReport) && a.EntityId == report.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(
            ["AnnualReportStarted", "AnnualReportSaved", "AnnualReportEvidence", "AnnualReportSubmitted", "AnnualReportReturnedByProvince",
             "AnnualReportSubmitted", "AnnualReportForwarded", "AnnualReportAccepted"],
            actions);
        Assert.Equal(2, await db.AnnualReportSubmissions.CountAsync(s => s.ReportId == report.Id));
    }

    [Fact]
    public async Task Another_province_or_authority_gets_404_and_a_province_cannot_take_the_holders_or_the_ministrys_step()
    {
        var (chain, _, url) = await OwingEntryAsync();
        using var holder = await host.SignedInAsync(chain.Applicant);
        await FileAsync(holder, url);
        var outsiders = new[]
        {
            await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer),
            await host.TestData.CreateUserAsync(OrganisationLevel.Prefecture, "440600", Roles.Applicant),
        };
        foreach (var user in outsiders)
        {
            using var client = await host.SignedInAsync(user);
            foreach (var path in new[] { url, url + "/Print", url + "/Evidence" })
            {
                using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }
        // The holder has submitted: it is the province's now, not the holder's; nobody else may act.
        using (var again = await holder.Http.PostAsync(new Uri(url + "/Step", UriKind.Relative), null))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        }
        Assert.Null((await holder.GetDocumentAsync(url)).QuerySelector("main form[action$='/Step']"));
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        Assert.Null((await ministry.GetDocumentAsync(url)).QuerySelector("main form[action$='/Step']"));
    }

    [Fact]
    public async Task The_submitted_report_prints_through_the_print_path_with_its_fingerprint_and_completion_appendix_and_downloads_as_a_pdf()
    {
        var (chain, entry, url) = await OwingEntryAsync();
        using var holder = await host.SignedInAsync(chain.Applicant);
        // An added target: 140 achieved of 150 planned is 93.33%, with no 已完成/未完成 (an added row's direction is unknown).
        await FileAsync(holder, url, new Dictionary<string, string>
        {
            ["progress.targets.opennessExtra1.indicator"] = "外资企业数量", ["progress.targets.opennessExtra1.baseline"] = "100",
            ["progress.targets.opennessExtra1.target"] = "150", ["progress.targets.opennessExtra1.achieved"] = "140",
        });
        await using (var db = host.NewDbContext())
        {
            var report = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.EntryId == entry.Id);
            var sha = await db.AnnualReportSubmissions.Where(s => s.ReportId == report.Id).Select(s => s.Sha256).SingleAsync();
            using var province = await host.SignedInAsync(chain.Province);
            var print = await province.GetDocumentAsync(url + "/Print");
            Assert.Contains("中外中小企业合作区年度发展报告", print.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(sha[..16], print.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{LastYear} 年完成值", print.Body!.TextContent, StringComparison.Ordinal);
            var appendix = print.QuerySelector("section.appendix#progress")!;
            Assert.Contains("本页不属于报告表原文：由系统根据“发展目标完成情况”表所填", appendix.TextContent, StringComparison.Ordinal);
            var row = appendix.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("外资企业数量", StringComparison.Ordinal));
            Assert.Equal(["开放合作", "外资企业数量", "100", "150", "140", "93.33%"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
            // The report page shows the same line, drawn from the same computation.
            var page = await province.GetDocumentAsync(url);
            Assert.Contains(page.QuerySelectorAll("#progress tbody tr"), r => r.TextContent.Contains("外资企业数量", StringComparison.Ordinal) && r.TextContent.Contains("93.33%", StringComparison.Ordinal));
            using var pdf = await province.Http.GetAsync(new Uri(url + "/Pdf", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_overdue_report_is_listed_for_the_ministry_and_its_province_only_flagged_on_the_entry_and_suggested_on_the_revoke_page()
    {
        var (chain, entry, _) = await OwingEntryAsync();
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        using var ministry = await host.SignedInAsync(ministryUser);
        Assert.Contains(entry.Name, (await ministry.GetDocumentAsync("/Registry/Annual/Overdue")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var province = await host.SignedInAsync(chain.Province);
        Assert.Contains(entry.Name, (await province.GetDocumentAsync("/Registry/Annual/Overdue")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var other = await host.SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));
        Assert.DoesNotContain(entry.Name, (await other.GetDocumentAsync("/Registry/Annual/Overdue")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var detail = await province.GetDocumentAsync($"/Registry/{entry.Id}");
        Assert.Contains("第十一条（二）", detail.QuerySelector("#overdue-reports")!.TextContent, StringComparison.Ordinal);
        var revoke = await ministry.GetDocumentAsync($"/Registry/{entry.Id}/Revoke");
        Assert.Contains($"{LastYear} 年度", revoke.QuerySelector("#suggested-ground")!.TextContent, StringComparison.Ordinal);
        // Suggested, not decided: the ground is not ticked and the entry is still valid.
        Assert.False(revoke.QuerySelector($"#ground-{AnnualReportNames.MissingReportGround}")!.HasAttribute("checked"));
        await using var db = host.NewDbContext();
        Assert.Equal(RegistryStatus.Valid, (await db.RegistryEntries.SingleAsync(e => e.Id == entry.Id)).Status);
    }

    [Fact]
    public async Task The_reminder_job_sends_each_threshold_once_however_often_it_runs()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        // Entered on 2 April 2026: the 2025 report went on paper; the 2026 report is due by 31 March 2027.
        var entry = await host.TestData.CreateEntryOwingReportsAsync(chain.ApplicantOrganisation, new DateOnly(2025, 6, 30), new DateOnly(2026, 4, 2));
        async Task RunAsync(DateTimeOffset now)
        {
            await using var db = host.NewDbContext();
            await AnnualReportReminders.SendDueAsync(db, now);
        }
        await RunAsync(ChinaTime.At(2027, 2, 27));
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportDue.Key));

        await RunAsync(ChinaTime.At(2027, 3, 1, 0, 20));
        await RunAsync(ChinaTime.At(2027, 3, 1, 0, 20));
        await RunAsync(ChinaTime.At(2027, 3, 2, 0, 20));
        Assert.Contains("30 天内到期", Assert.Single(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportDue.Key)).Title, StringComparison.Ordinal);

        await RunAsync(ChinaTime.At(2027, 3, 24, 0, 20));
        await RunAsync(ChinaTime.At(2027, 3, 24, 0, 20));
        Assert.Equal(2, (await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportDue.Key)).Count);

        await RunAsync(ChinaTime.At(2027, 3, 31, 23, 59));
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportOverdue.Key));
        await RunAsync(ChinaTime.At(2027, 4, 1, 0, 20));
        await RunAsync(ChinaTime.At(2027, 4, 2, 0, 20));
        Assert.Single(await host.MessagesOfAsync(chain.Applicant, MessageKinds.AnnualReportOverdue.Key));
        Assert.Single(await host.MessagesOfAsync(chain.Province, MessageKinds.AnnualReportOverdue.Key), m => m.Body.Contains(entry.Name, StringComparison.Ordinal) && m.Body.Contains("第十一条（二）", StringComparison.Ordinal));
    }
}
