using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Applications;

/// <summary>
/// 佐证材料 through the app as a browser without JavaScript uses it: multipart posts with the page's antiforgery
/// token, errors read from the page, files read back from the database and the download routes.
/// </summary>
[Collection(PortalCollection.Name)]
public class EvidenceTests(PortalHost host)
{
    private TestData TestData => host.TestData;

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8];
    private static readonly byte[] Jpeg = EvidenceFiles.Jpeg();
    private static readonly byte[] Png = EvidenceFiles.Png();
    private static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0x00, .. "This program cannot be run in DOS mode."u8];
    private static readonly byte[] Ofd = OfdPackage();

    [Fact]
    public async Task Pdf_jpeg_png_and_ofd_files_are_uploaded_together_and_listed()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await UploadAsync(client, application.Id, "1",
            ("入驻企业名录.pdf", Pdf), ("现场照片.jpg", Jpeg), ("截图.png", Png), ("电子证照.ofd", Ofd));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await FilesAsync(application.Id);
        Assert.Equal(
            [("电子证照.ofd", "application/ofd"), ("入驻企业名录.pdf", "application/pdf"), ("现场照片.jpg", "image/jpeg"), ("截图.png", "image/png")],
            stored.OrderBy(e => e.ContentType, StringComparer.Ordinal).Select(e => (e.FileName, e.ContentType)));
        Assert.All(stored, e => Assert.Equal("1", e.SlotKey));
        var page = await client.GetDocumentAsync(EvidenceUrl(application.Id));
        var slotSection = SlotSection(page, "1");
        foreach (var e in stored)
        {
            Assert.Contains(e.FileName, slotSection.TextContent, StringComparison.Ordinal);
            Assert.Contains(e.Sha256[..16], slotSection.TextContent, StringComparison.Ordinal);
        }
        Assert.Contains("已上传 4 个文件", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("（北京时间）", slotSection.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_next_to_its_slot_and_nothing_is_stored()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await UploadAsync(client, application.Id, "2", ("服务情况.pdf", Exe));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var error = page.GetElementById("f-slot-2-error");
        Assert.NotNull(error);
        Assert.Equal($"服务情况.pdf：{EvidenceStore.WrongType}", error.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-slot-2']"));
        // An upload is not a save: the summary says what failed, and counts the one problem.
        Assert.Equal("以下文件未上传（共 1 处）", page.QuerySelector("#error-summary-title")!.TextContent.Trim());
        Assert.Equal("true", page.GetElementById("f-slot-2")!.GetAttribute("aria-invalid"));
        Assert.Empty(await FilesAsync(application.Id));
    }

    public static TheoryData<string, byte[], string> HostileFiles => new()
    {
        { "自动运行.pdf", EvidenceFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"), EvidenceContentCheck.ActivePdf },
        { "网页.pdf", [.. EvidenceFiles.Pdf(), .. "<html><script>alert(1)</script></html>"u8], EvidenceContentCheck.Polyglot },
        { "截图.png", EvidenceFiles.Png(afterEnd: [.. "<html><script>alert(1)</script></html>"u8]), EvidenceContentCheck.Polyglot },
        { "照片.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0xFF, 0xD9], EvidenceContentCheck.BrokenImage },
        { "电子证照.ofd", EvidenceFiles.Ofd(ofdXml: "<?xml version=\"1.0\"?><Document/>"), EvidenceContentCheck.OfdStructure },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_upload_is_refused_with_its_message_beside_the_slot_and_nothing_is_stored(string name, byte[] file, string message)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await UploadAsync(client, application.Id, "6", (name, file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal($"{name}：{message}", page.GetElementById("f-slot-6-error")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-slot-6']"));
        Assert.Empty(await FilesAsync(application.Id));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await UploadAsync(client, application.Id, "3", ("空白.pdf", []));

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("空白.pdf：文件为空，请重新选择", page.GetElementById("f-slot-3-error")?.TextContent.Trim());
        Assert.Empty(await FilesAsync(application.Id));
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        await using var smallLimits = host.WithWebHostBuilder(b => b.UseSetting("Evidence:MaxFileBytes", "2048"));
        using var client = new PortalClient(smallLimits.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await client.SignInAsync(chain.Applicant.UserName!);
        var big = new byte[3 * 1024];
        Pdf.CopyTo(big, 0);

        using var response = await UploadAsync(client, application.Id, "4", ("大文件.pdf", big), ("小文件.pdf", Pdf));

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("大文件.pdf：单个文件不能超过 2 KB（本文件 3 KB）", page.GetElementById("f-slot-4-error")?.TextContent.Trim());
        Assert.Contains("单个文件不超过 2 KB", page.GetElementById("evidence-rules")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["小文件.pdf"], (await FilesAsync(application.Id)).Select(e => e.FileName));
    }

    [Fact]
    public async Task When_one_file_of_a_post_is_bad_the_good_ones_are_kept_and_reported()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        using var response = await UploadAsync(client, application.Id, "5", ("协议一.pdf", Pdf), ("病毒.pdf", Exe), ("协议二.png", Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal($"病毒.pdf：{EvidenceStore.WrongType}", page.GetElementById("f-slot-5-error")?.TextContent.Trim());
        Assert.Contains("其余文件已上传：协议一.pdf、协议二.png", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("协议二.png", SlotSection(page, "5").TextContent, StringComparison.Ordinal);
        Assert.Equal(["协议一.pdf", "协议二.png"], (await FilesAsync(application.Id)).Select(e => e.FileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cluster_slot_keyed_by_its_row_takes_files_too()
    {
        var nanshan = await TestData.CreateUserAsync(OrganisationLevel.County, "440305", Roles.Applicant);
        var application = await TestData.CreateApplicationAsync(nanshan.Organisation!, await TestData.CreateRoundAsync(Programme.Cluster));
        using var client = await SignedInAsync(nanshan);

        using var refused = await UploadAsync(client, application.Id, "industry.chainWork", ("产业链图谱.pdf", Exe));
        using var accepted = await UploadAsync(client, application.Id, "industry.chainWork", ("产业链图谱.pdf", Pdf));

        Assert.NotNull((await PortalClient.ParseAsync(refused)).GetElementById("f-slot-industry-chainWork-error"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("industry.chainWork", Assert.Single(await FilesAsync(application.Id)).SlotKey);
    }

    [Fact]
    public async Task The_download_returns_the_same_bytes_as_an_attachment_that_browsers_must_not_sniff()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(client, application.Id, "6", ("创新平台（清单）.pdf", Pdf))) { }
        var evidence = Assert.Single(await FilesAsync(application.Id));

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), evidence.Sha256);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("创新平台（清单）.pdf", disposition.FileNameStar);
        Assert.True(disposition.FileName?.Trim('"').All(char.IsAscii), "the plain filename is the ASCII fallback for old clients");
        Assert.Contains("filename*=UTF-8''", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("名录.pdf")]
    [InlineData("2024 名录 (final).pdf")]
    [InlineData("名录；a;b'c%20 终版.pdf")]
    public async Task A_chinese_or_odd_file_name_arrives_whole_in_one_attachment_header(string name)
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(client, application.Id, "6", (name, Pdf))) { }
        var evidence = Assert.Single(await FilesAsync(application.Id), e => e.FileName == name);

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = Assert.Single(response.Content.Headers.GetValues("Content-Disposition"));
        Assert.StartsWith("attachment;", header, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''", header, StringComparison.Ordinal);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Another_organisations_applicant_finds_neither_the_page_nor_the_file()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var owner = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(owner, application.Id, "1", ("名录.pdf", Pdf))) { }
        var evidence = Assert.Single(await FilesAsync(application.Id));

        var chengdu = await TestData.CreateUserAsync(OrganisationLevel.Prefecture, "510100", Roles.Applicant);
        var nanhai = await TestData.CreateUserAsync(OrganisationLevel.County, "440605", Roles.Applicant);
        foreach (var user in new[] { chengdu, nanhai })
        {
            using var other = await SignedInAsync(user);
            using var page = await other.Http.GetAsync(new Uri(EvidenceUrl(application.Id), UriKind.Relative));
            using var file = await other.Http.GetAsync(new Uri($"/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
            Assert.DoesNotContain("名录.pdf", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_id_of_another_application_is_not_found_under_this_one()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var mine = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        var other = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(client, other.Id, "1", ("名录.pdf", Pdf))) { }
        var evidence = Assert.Single(await FilesAsync(other.Id));

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{mine.Id}/Evidence/{evidence.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reviewers_download_through_their_route_only_within_their_jurisdiction()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var owner = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(owner, application.Id, "12", ("优质企业.png", Png))) { }
        var evidence = Assert.Single(await FilesAsync(application.Id));
        await SetStatusAsync(application.Id, ApplicationStatus.Submitted, reachedStage: 1);
        var url = new Uri($"/Review/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative);
        using var guangdong = await SignedInAsync(chain.Province);
        using var sichuan = await SignedInAsync(await TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));

        using var seen = await guangdong.Http.GetAsync(url);
        using var hidden = await sichuan.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(Png, await seen.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", seen.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", seen.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Each_download_route_is_open_only_to_its_own_role()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var owner = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(owner, application.Id, "13", ("运营机构.pdf", Pdf))) { }
        var evidence = Assert.Single(await FilesAsync(application.Id));
        await SetStatusAsync(application.Id, ApplicationStatus.Submitted, reachedStage: 1);
        using var reviewer = await SignedInAsync(chain.Province);

        using var reviewerOnApplicantRoute = await reviewer.Http.GetAsync(new Uri($"/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));
        using var applicantOnReviewRoute = await owner.Http.GetAsync(new Uri($"/Review/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));
        using var applicantAfterSubmission = await owner.Http.GetAsync(new Uri($"/Applications/{application.Id}/Evidence/{evidence.Id}", UriKind.Relative));

        Assert.StartsWith("/Account/AccessDenied", reviewerOnApplicantRoute.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", applicantOnReviewRoute.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(Pdf, await applicantAfterSubmission.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Files_are_deleted_while_the_application_is_a_draft()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(client, application.Id, "7", ("海外研发机构.pdf", Pdf))) { }
        var page = await client.GetDocumentAsync(EvidenceUrl(application.Id));

        using var response = await PostFormAsync(client, DeleteForm(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await FilesAsync(application.Id));
        await using var db = host.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityId == application.Id.ToString() && e.Action == "EvidenceDeleted"));
        Assert.Contains("已删除 海外研发机构.pdf", (await client.GetDocumentAsync(EvidenceUrl(application.Id))).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_submitted_files_can_no_longer_be_deleted_or_added()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);
        using (await UploadAsync(client, application.Id, "8", ("专利.pdf", Pdf))) { }
        var draftPage = await client.GetDocumentAsync(EvidenceUrl(application.Id));
        var uploadForm = SlotSection(draftPage, "8").QuerySelector("form[enctype]")!;
        await SetStatusAsync(application.Id, ApplicationStatus.Submitted, reachedStage: 1);

        using var delete = await PostFormAsync(client, DeleteForm(draftPage));
        using var upload = await PostMultipartAsync(client, uploadForm, [("晚到的.pdf", Pdf)]);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var afterDelete = await PortalClient.ParseAsync(delete);
        Assert.Contains(EvidenceStore.NotEditable, afterDelete.GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(afterDelete.QuerySelectorAll("input[type=file]"));
        Assert.Empty(afterDelete.QuerySelectorAll("input[name=evidenceId]"));
        Assert.Contains(EvidenceStore.NotEditable, (await PortalClient.ParseAsync(upload)).GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["专利.pdf"], (await FilesAsync(application.Id)).Select(e => e.FileName));
    }

    [Fact]
    public async Task The_page_labels_every_upload_control_and_links_back_to_the_application()
    {
        var chain = await TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await SignedInAsync(chain.Applicant);

        var page = await client.GetDocumentAsync(EvidenceUrl(application.Id));

        var inputs = page.QuerySelectorAll("input[type=file]");
        Assert.Equal(15, inputs.Length);
        Assert.All(inputs, input =>
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
            Assert.True(input.HasAttribute("multiple"));
            Assert.Equal(".pdf,.jpg,.jpeg,.png,.ofd", input.GetAttribute("accept"));
            Assert.Equal("multipart/form-data", input.Closest("form")!.GetAttribute("enctype"));
        });
        Assert.Contains("佐证材料 1：合作区入驻企业名录", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Applications/{application.Id}']"));
    }

    private static string EvidenceUrl(Guid applicationId) => $"/Applications/{applicationId}/Evidence";

    private Task<PortalClient> SignedInAsync(PortalUser user) => host.SignedInAsync(user);

    private static IElement SlotSection(IDocument page, string slot) =>
        page.GetElementById($"f-slot-{slot.Replace('.', '-')}-title")?.Closest("section")
        ?? throw new InvalidOperationException($"No section for slot {slot}");

    private static IElement DeleteForm(IDocument page) =>
        page.QuerySelector("input[name=evidenceId]")?.Closest("form") ?? throw new InvalidOperationException("No delete form on the page");

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, Guid applicationId, string slot, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetDocumentAsync(EvidenceUrl(applicationId));
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector("input[name=slot]")?.GetAttribute("value") == slot)
            ?? throw new InvalidOperationException($"No upload form for slot {slot}");
        return await PostMultipartAsync(client, form, files);
    }

    // As a browser posts it: the form's hidden inputs (antiforgery token, slot), then each file under the input's name.
    // The part's content type is what a browser would guess from the name; the portal must not believe it.
    private static async Task<HttpResponseMessage> PostMultipartAsync(PortalClient client, IElement form, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }
        var fileInput = form.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, fileInput, name);
        }
        return await client.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(PortalClient client, IElement form)
    {
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    private async Task<List<Evidence>> FilesAsync(Guid applicationId)
    {
        await using var db = host.NewDbContext();
        return await db.Evidence.Where(e => e.ApplicationId == applicationId).OrderBy(e => e.UploadedAt).ToListAsync();
    }

    private async Task SetStatusAsync(Guid applicationId, ApplicationStatus status, int reachedStage)
    {
        await using var db = host.NewDbContext();
        await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, status).SetProperty(a => a.CurrentStageOrder, reachedStage).SetProperty(a => a.ReachedStageOrder, reachedStage));
    }

    private static byte[] OfdPackage()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("OFD.xml").Open());
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>");
        }
        return stream.ToArray();
    }
}
