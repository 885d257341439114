using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Applications;

/// <summary>The print view and PDF of an application, for its applicant and for the reviewers of its jurisdiction.</summary>
[Collection(PortalCollection.Name)]
public class PrintTests(PortalHost host)
{
    private TestData TestData => host.TestData;

    [Fact]
    public async Task The_draft_pdf_shows_the_form_with_the_answers_and_says_draft_on_its_pages()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await client.Http.GetAsync(Url($"/Applications/{application.Id}/Pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{application.Number}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = PdfTools.Compact(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("中外中小企业合作区申报表", text, StringComparison.Ordinal);
        Assert.Contains("一、基本情况", text, StringComparison.Ordinal);
        Assert.Contains("七、真实性声明及推荐意见", text, StringComparison.Ordinal);
        Assert.Contains("佛山中德中小企业合作区·广东省佛山市", text, StringComparison.Ordinal);
        Assert.Contains($"{application.Number}·草稿", text, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Contains(db.AuditEvents, e => e.EntityId == application.Id.ToString() && e.Action == "PdfDownloaded" && e.UserName == chain.Applicant.UserName);
    }

    [Fact]
    public async Task After_submission_the_pdf_prints_the_snapshot_with_the_hash_on_every_page()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain);
        var submission = await SubmitAsync(application.Id);
        // The live row changing afterwards must not change the printed copy.
        await SetAnswerAsync(application.Id, "cover.zoneName", "提交后改动的名称");
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await client.Http.GetAsync(Url($"/Applications/{application.Id}/Pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfTools.Compact(await PdfTools.TextAsync(pdf));
        var footer = $"{application.Number}·{submission.Sha256[..16]}";
        Assert.Contains(footer, text, StringComparison.Ordinal);
        Assert.Equal(PageCount(text), text.Split(footer).Length - 1);
        Assert.DoesNotContain("草稿", text, StringComparison.Ordinal);
        Assert.Contains("佛山中德中小企业合作区·广东省佛山市", text, StringComparison.Ordinal);
        Assert.DoesNotContain("提交后改动的名称", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_page_allows_only_its_own_style_sheet_and_runs_nothing()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain, hostile: "<script>alert(1)</script>");
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await client.Http.GetAsync(Url($"/Applications/{application.Id}/Print"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var page = await PortalClient.ParseAsync(response);
        var style = Assert.Single(page.QuerySelectorAll("style")).TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Equal(
            $"default-src 'none'; style-src 'sha256-{hash}'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", csp);
        Assert.Empty(page.QuerySelectorAll("script, [style], link, img, iframe"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector(".cover-line .blank")?.TextContent);
        Assert.Contains("一、基本情况", page.QuerySelectorAll("h2").Select(h => h.TextContent));
        // The completion appendix is an annual report's; an application prints the paper form alone.
        Assert.Null(page.QuerySelector("section.appendix"));
    }

    [Theory]
    [InlineData("Print")]
    [InlineData("Pdf")]
    public async Task Another_organisations_applicant_gets_not_found(string view)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain);
        using var client = await SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.Prefecture, "510100", Roles.Applicant));

        using var response = await client.Http.GetAsync(Url($"/Applications/{application.Id}/{view}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(application.Number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Print")]
    [InlineData("Pdf")]
    public async Task A_reviewer_of_another_province_gets_not_found(string view)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain);
        await SubmitAsync(application.Id);
        using var client = await SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));

        using var response = await client.Http.GetAsync(Url($"/Review/Applications/{application.Id}/{view}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_reviewer_in_jurisdiction_gets_the_pdf_of_what_was_submitted()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await ZoneWithAnswersAsync(chain);
        var submission = await SubmitAsync(application.Id);
        using var client = await SignedInAsync(chain.Province);

        using var pdf = await client.Http.GetAsync(Url($"/Review/Applications/{application.Id}/Pdf"));
        using var print = await client.Http.GetAsync(Url($"/Review/Applications/{application.Id}/Print"));

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfTools.Compact(await PdfTools.TextAsync(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains($"{application.Number}·{submission.Sha256[..16]}", text, StringComparison.Ordinal);
        Assert.Contains("七、真实性声明及推荐意见", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        Assert.Contains($"校验码 {submission.Sha256[..16]}", await print.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A new zone draft of the chain's (佛山) applicant with the complete fixture answers written straight into the database.</summary>
    private async Task<Application> ZoneWithAnswersAsync(RoundChain chain, string? hostile = null)
    {
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        var answers = FormFixtures.Complete("zone-2026");
        if (hostile is not null)
        {
            answers.Set("cover.zoneName", hostile);
        }

        await using var db = host.NewDbContext();
        var row = await db.Applications.SingleAsync(a => a.Id == application.Id);
        row.Answers = answers.Values.ToDictionary();
        await db.SaveChangesAsync();
        return row;
    }

    private async Task<Submission> SubmitAsync(Guid applicationId)
    {
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == applicationId);
        var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
        return await ApplicationSubmission.SubmitAsync(db, application, definition, Actor.System, host.Clock.GetUtcNow());
    }

    private async Task SetAnswerAsync(Guid applicationId, string key, string value)
    {
        await using var db = host.NewDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        application.Answers = new Dictionary<string, string>(application.Answers) { [key] = value };
        await db.SaveChangesAsync();
    }

    private Task<PortalClient> SignedInAsync(PortalUser user) => host.SignedInAsync(user);

    /// <summary>The page count the footer prints ("共 N 页"), read from the text itself.</summary>
    private static int PageCount(string compactText)
    {
        var marker = compactText.IndexOf("/共", StringComparison.Ordinal);
        var end = compactText.IndexOf('页', marker);
        return int.Parse(compactText[(marker + 2)..end], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
