using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Registry;

/// <summary>名录 through the pages: who sees what, 变更 through province and ministry, 撤销, import, and stale forms.</summary>
[Collection(PortalCollection.Name)]
public class RegistryPageTests(PortalHost host)
{
    private static readonly byte[] Pdf = CompleteApplications.SmallPdf;

    private static async Task<HttpResponseMessage> GetAsync(PortalClient client, string url) =>
        await client.Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Posts a page's form as multipart, with its hidden fields, these fields and one file.</summary>
    internal static async Task<HttpResponseMessage> PostMultipartAsync(PortalClient client, string url, Dictionary<string, string> fields, string fileField, string fileName, byte[] bytes)
    {
        var page = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").Where(i => !fields.ContainsKey(i.GetAttribute("name")!)))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, fileField, fileName);
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [Fact]
    public async Task The_ministry_sees_every_entry_a_province_its_own_and_an_applicant_its_own_while_others_get_404()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        var url = $"/Registry/{entry.Id}";
        var readers = new[] { chain.Applicant, chain.Province, await host.TestData.CreateUserAsync(Roles.Ministry) };
        foreach (var user in readers)
        {
            using var client = await host.SignedInAsync(user);
            Assert.Contains(entry.Name, (await client.GetDocumentAsync(url)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
        var outsiders = new[]
        {
            await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer), // another province
            await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440300", Roles.Reviewer), // 深圳, a 计划单列市 of its own
            await host.TestData.CreateUserAsync(OrganisationLevel.Prefecture, "440600", Roles.Applicant), // another authority in the same city
        };
        foreach (var user in outsiders)
        {
            using var client = await host.SignedInAsync(user);
            using var response = await GetAsync(client, url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(entry.Name, (await client.GetDocumentAsync($"/Registry?unit=440000")).Body!.TextContent, StringComparison.Ordinal);
        }
        using var expert = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Expert));
        using (var forbidden = await GetAsync(expert, "/Registry"))
        {
            Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        }
    }

    [Fact]
    public async Task A_change_filed_late_is_flagged_and_once_forwarded_and_approved_updates_the_registry_with_history()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var applicant = await host.SignedInAsync(chain.Applicant);
        var changedOn = DateOnly.FromDateTime(ChinaTime.ToChina(host.Clock.GetUtcNow()).DateTime).AddDays(-60);
        using (var filed = await PostMultipartAsync(applicant, $"/Registry/{entry.Id}/File", new Dictionary<string, string>
        {
            ["Kind"] = "Operator", ["NewValue"] = "佛山新运营集团有限公司", ["ChangedOn"] = changedOn.ToString("yyyy-MM-dd"), ["Reason"] = "原运营公司整体并入集团。",
        }, "Evidence", "批复.pdf", Pdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        }
        RegistryRequest request;
        await using (var db = host.NewDbContext())
        {
            request = await db.RegistryRequests.SingleAsync(r => r.EntryId == entry.Id);
        }
        var requestUrl = $"/Registry/Requests/{request.Id}";
        Assert.True(request.FiledLate);
        Assert.Contains("逾期提出", (await applicant.GetDocumentAsync(requestUrl)).QuerySelector("#late")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await applicant.GetDocumentAsync(requestUrl)).QuerySelector("main form textarea[name=Comment]")); // the applicant decides nothing

        using var province = await host.SignedInAsync(chain.Province);
        using (var forwarded = await province.SubmitAsync(requestUrl, new Dictionary<string, string> { ["Pass"] = "true", ["Comment"] = "情况属实。" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        }
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        using (var approved = await ministry.SubmitAsync(requestUrl, new Dictionary<string, string> { ["Pass"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var detail = await ministry.GetDocumentAsync($"/Registry/{entry.Id}");
        Assert.Equal("佛山新运营集团有限公司", detail.QuerySelector("#operator")!.TextContent.Trim());
        var change = detail.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Single(cells => cells[0] == "运营管理机构");
        Assert.Equal(entry.OperatorName, change[1]);
        Assert.Equal("佛山新运营集团有限公司", change[2]);
        Assert.Equal(Dates.Format(changedOn), change[3]);
        await using var check = host.NewDbContext();
        Assert.Equal(RegistryRequestStatus.Approved, await check.RegistryRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync());
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == "RegistryRequestApproved" && e.EntityId == request.Id.ToString()));
    }

    [Fact]
    public async Task A_province_return_needs_a_comment_and_a_change_without_evidence_is_refused_beside_its_fields()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var applicant = await host.SignedInAsync(chain.Applicant);
        using (var refused = await applicant.SubmitAsync($"/Registry/{entry.Id}/File", new Dictionary<string, string>
        {
            ["Kind"] = "Name", ["NewValue"] = "", ["ChangedOn"] = "2026-11-01", ["Reason"] = "更名",
        }))
        {
            var page = await PortalClient.ParseAsync(refused);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请填写变更后的内容", page.QuerySelector("#f-NewValue-error")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("请上传佐证材料", page.QuerySelector("#f-Evidence-error")!.TextContent, StringComparison.Ordinal);
        }
        await using (var db = host.NewDbContext())
        {
            Assert.False(await db.RegistryRequests.AnyAsync(r => r.EntryId == entry.Id));
        }
    }

    [Fact]
    public async Task Revocation_on_grounds_of_article_eleven_removes_the_entry_from_the_public_registry()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation, certifiedOn: new DateOnly(2026, 6, 30));
        using var anonymous = host.NewClient();
        var before = await anonymous.GetDocumentAsync("/Public/Registry");
        var row = before.QuerySelectorAll("table.public-registry tbody tr").Single(r => r.TextContent.Contains(entry.Name, StringComparison.Ordinal));
        Assert.Equal(new[] { entry.Name, "广东省佛山市", entry.OperatorName, entry.CertificateNumber, "2030年12月31日" },
            row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));

        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        using (var revoked = await ministry.SubmitAsync($"/Registry/{entry.Id}/Revoke", new Dictionary<string, string>
        {
            ["Grounds"] = "2", ["Text"] = "连续两年未报送年度发展报告。", ["EffectiveOn"] = "2026-11-20",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.DoesNotContain(entry.Name, (await anonymous.GetDocumentAsync("/Public/Registry")).Body!.TextContent, StringComparison.Ordinal);
        var detail = await ministry.GetDocumentAsync($"/Registry/{entry.Id}");
        Assert.Equal("已撤销", detail.QuerySelector("h1 .status")!.TextContent.Trim());
        Assert.Contains("（二）不报送上一年度发展报告的", detail.Body!.TextContent, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "RegistryRevoked" && e.EntityId == entry.Id.ToString()));
    }

    [Fact]
    public async Task A_form_read_before_someone_else_changed_the_entry_is_refused_with_the_conflict_message()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        var url = $"/Registry/{entry.Id}/Revoke";
        var staleVersion = (await ministry.GetDocumentAsync(url)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await using (var db = host.NewDbContext())
        {
            var row = await db.RegistryEntries.SingleAsync(e => e.Id == entry.Id);
            row.SpatialArea = "东至河、西至路";
            await db.SaveChangesAsync();
        }

        using var response = await ministry.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Version"] = staleVersion, ["Grounds"] = "6", ["Text"] = "重大违法违规。", ["EffectiveOn"] = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RegistryLifecycle.ConflictMessage, (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        Assert.Equal(RegistryStatus.Valid, await check.RegistryEntries.Where(e => e.Id == entry.Id).Select(e => e.Status).SingleAsync());
    }

    [Fact]
    public async Task An_import_with_bad_rows_reports_each_row_and_column_and_imports_nothing_until_every_row_is_good()
    {
        var tag = TestData.Unique();
        byte[] Sheet(params object?[][] rows)
        {
            var writer = new SpreadsheetWriter("名录导入", "名录导入");
            foreach (var title in RegistryImport.ColumnTitles)
            {
                writer.AddColumn(title, 16);
            }
            foreach (var row in rows)
            {
                writer.AddRow(row);
            }
            return writer.ToArray();
        }
        object?[] Good(string n, string region) => [$"导入〔2021〕{tag}{n}号", "合作区", $"导入合作区{tag}{n}", region, "运营公司", "", "2021-06-30", ""];
        var bad = Sheet(
            Good("1", "440600"),
            [$"导入〔2021〕{tag}2号", "合作区", $"导入合作区{tag}2", "999999", "运营公司", "", "2021-06-30", ""],
            [$"导入〔2021〕{tag}3号", "开发区", $"导入合作区{tag}3", "440600", "运营公司", "", "2021-13-45", ""],
            Good("1", "510100"));
        using var admin = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Admin));

        using (var checkedFile = await PostMultipartAsync(admin, "/Registry/Import", new Dictionary<string, string> { ["Import"] = "true" }, "file", "名录.xlsx", bad))
        {
            var page = await PortalClient.ParseAsync(checkedFile);
            var problems = page.QuerySelectorAll("table.import-problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
            // Title in row 1, column titles in row 2: the data start in row 3.
            Assert.Contains(problems, p => p[0] == "4" && p[1] == "所在地区代码" && p[2].Contains("999999", StringComparison.Ordinal));
            Assert.Contains(problems, p => p[0] == "5" && p[1] == "类别");
            Assert.Contains(problems, p => p[0] == "5" && p[1] == "认定日期");
            Assert.Contains(problems, p => p[0] == "6" && p[1] == "证书编号" && p[2].Contains("重复", StringComparison.Ordinal));
            Assert.DoesNotContain(problems, p => p[0] == "3");
        }
        await using (var db = host.NewDbContext())
        {
            Assert.False(await db.RegistryEntries.AnyAsync(e => e.CertificateNumber.Contains(tag)));
        }

        using (var imported = await PostMultipartAsync(admin, "/Registry/Import", new Dictionary<string, string> { ["Import"] = "true" }, "file", "名录.xlsx",
            Sheet(Good("1", "440600"), Good("2", "510100"))))
        {
            Assert.Contains("已导入 2 条", (await PortalClient.ParseAsync(imported)).QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        }
        await using var after = host.NewDbContext();
        var entries = await after.RegistryEntries.Where(e => e.CertificateNumber.Contains(tag)).OrderBy(e => e.CertificateNumber).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("440000", new DateOnly(2025, 12, 31), RegistryStatus.ExpiredAwaitingReview), (entries[0].ProvincialUnitCode, entries[0].ValidUntil, entries[0].Status));
        Assert.Equal("510000", entries[1].ProvincialUnitCode);
        Assert.Null(entries[0].ApplicationId);
    }

    [Fact]
    public async Task The_registry_downloads_as_xlsx_and_as_csv_with_a_byte_order_mark()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var province = await host.SignedInAsync(chain.Province);
        using var csv = await GetAsync(province, "/Registry?handler=Csv&unit=440000");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"序号\",\"证书编号\"", text, StringComparison.Ordinal);
        Assert.Contains(entry.CertificateNumber, text, StringComparison.Ordinal);
        using var xlsx = await GetAsync(province, "/Registry?handler=Xlsx");
        Assert.Equal(SpreadsheetWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
    }
}
