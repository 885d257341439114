using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>实地抽查 through the app: multipart posts, attachments checked by content, safe downloads, the audit trail.</summary>
[Collection(PortalCollection.Name)]
public class WorkspaceSiteCheckTests(PortalHost host)
{
    [Fact]
    public async Task A_check_with_an_attachment_is_recorded_listed_audited_and_downloadable()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        var fields = WorkspaceApplicationTests.SiteCheckFields(host);

        using var response = await client.PostSiteCheckAsync(application.Id, fields, ("现场 照片；纪要.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var check = await db.SiteChecks.Include(c => c.Attachments).SingleAsync(c => c.ApplicationId == application.Id);
        var guangdong = chain.ProvinceOrganisation;
        Assert.Equal((1, guangdong.Id, fields["People"], fields["Findings"]), (check.StageOrder, check.OrganisationId, check.People, check.Findings));
        var attachment = Assert.Single(check.Attachments);
        Assert.Equal(("现场 照片；纪要.pdf", "application/pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf))), (attachment.FileName, attachment.ContentType, attachment.Sha256));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == application.Id.ToString() && e.Action == "SiteCheckRecorded"));

        var page = await client.GetDocumentAsync($"/Review/Applications/{application.Id}/SiteChecks");
        var article = page.QuerySelector($"article[data-site-check='{check.Id}']")!;
        Assert.Contains(fields["Findings"], article.TextContent, StringComparison.Ordinal);
        var link = article.QuerySelector("a[download]")!.GetAttribute("href")!;
        using var download = await client.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("现场 照片；纪要.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var detail = await client.GetDocumentAsync($"/Review/Applications/{application.Id}?tab=history");
        Assert.Contains("实地抽查", detail.QuerySelector("table.audit-trail tr[data-action=SiteCheckRecorded]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_next_to_the_file_input_and_nothing_is_stored()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);
        var fields = WorkspaceApplicationTests.SiteCheckFields(host);

        using var response = await client.PostSiteCheckAsync(application.Id, fields, ("照片.pdf", Exe), ("纪要.pdf", Pdf));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal($"照片.pdf：{EvidenceStore.WrongType}", page.GetElementById("f-attachments-error")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-attachments']"));
        Assert.Equal(fields["People"], page.GetElementById("f-People")!.GetAttribute("value"));
        Assert.Equal(fields["Findings"], page.GetElementById("f-Findings")!.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.False(await db.SiteChecks.AnyAsync(c => c.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Missing_or_too_late_fields_are_refused_next_to_each_field()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

        using var response = await client.PostSiteCheckAsync(application.Id, new Dictionary<string, string>
        {
            ["CheckedOn"] = "2999-01-01",
            ["People"] = " ",
            ["Findings"] = new string('查', 5001),
        });

        var page = await PortalClient.ParseAsync(response);
        Assert.StartsWith("抽查日期不能晚于今天", page.GetElementById("f-CheckedOn-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("请填写抽查人员", page.GetElementById("f-People-error")?.TextContent.Trim());
        Assert.Equal("抽查情况不能超过 5000 个字（现有 5001 个字）", page.GetElementById("f-Findings-error")?.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.False(await db.SiteChecks.AnyAsync(c => c.ApplicationId == application.Id));
    }
}
