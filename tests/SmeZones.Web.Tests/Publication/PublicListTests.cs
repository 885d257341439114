using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Publication;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Publication;

/// <summary>建议名单 → 公示 with objections → 认定, through the pages as the ministry and an anonymous visitor use them.</summary>
[Collection(PortalCollection.Name)]
public class PublicListTests(PortalHost host)
{
    // 公示 from Tue 1 Dec 2026 for 5 working days: 1–4 Dec and Mon 7 Dec.
    private static readonly DateOnly FirstDay = new(2026, 12, 1);
    private static readonly DateTimeOffset DayBefore = ChinaTime.At(2026, 11, 30, 10);

    private async Task<(PublicationTestData.Round Round, PortalClient Ministry)> PublishedRoundAsync(int applications = 3, int selected = 2)
    {
        host.Clock.Set(DayBefore);
        var round = await host.RoundAtMinistryAsync(applications);
        var ministry = host.NewClient();
        await ministry.SignInAsync(round.Ministry.UserName!);
        await ministry.PublishAsync(round, selected, FirstDay);
        return (round, ministry);
    }

    private static Dictionary<string, string> ObjectionFields(Guid entryId) => new()
    {
        ["EntryId"] = entryId.ToString(), ["SubmitterName"] = "张三", ["Contact"] = "13800000000", ["Text"] = "该合作区的外资企业数量与实际不符。",
    };

    private async Task<Guid> EntryIdAsync(Guid applicationId)
    {
        await using var db = host.NewDbContext();
        return await db.ListEntries.Where(e => e.ApplicationId == applicationId).Select(e => e.Id).SingleAsync();
    }

    [Fact]
    public async Task The_public_page_shows_the_notice_and_only_name_region_and_operator_of_the_selected_entries()
    {
        try
        {
            host.Clock.Set(DayBefore);
            var round = await host.RoundAtMinistryAsync(3);
            using var anonymous = host.NewClient();
            using (var before = await anonymous.Http.GetAsync(new Uri($"/Public/Lists/{round.CampaignId}", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            }
            using var ministry = host.NewClient();
            await ministry.SignInAsync(round.Ministry.UserName!);
            await ministry.PublishAsync(round, 2, FirstDay);

            var page = await anonymous.GetDocumentAsync($"/Public/Lists/{round.CampaignId}");
            var rows = page.QuerySelectorAll("#proposed table.published-list tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(new[] { "1", round.Applications[0].Title, "广东省佛山市", "佛山运营公司1" }, rows[0]);
            Assert.Equal(round.Applications[1].Title, rows[1][1]);
            Assert.Equal(new[] { "序号", "名称", "所在地区", "运营管理机构" }, page.QuerySelectorAll("#proposed thead th").Select(h => h.TextContent.Trim()));
            var text = page.Body!.TextContent;
            Assert.Contains("经专家评审，拟将以下合作区列入认定名单", text, StringComparison.Ordinal);
            Assert.Contains("2026年12月1日至2026年12月7日", text, StringComparison.Ordinal);
            Assert.DoesNotContain(round.Applications[2].Title, text, StringComparison.Ordinal); // not selected
            Assert.DoesNotContain(round.Applications[0].Number, text, StringComparison.Ordinal);
            Assert.DoesNotContain("评审意见", text, StringComparison.Ordinal);
            Assert.DoesNotContain("同意推荐", text, StringComparison.Ordinal);
            Assert.DoesNotContain("综合评分靠后", text, StringComparison.Ordinal);
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task Objections_open_at_midnight_beijing_time_on_the_first_day_and_close_at_midnight_after_the_last()
    {
        try
        {
            var (round, ministry) = await PublishedRoundAsync();
            using var _ = ministry;
            var entry = await EntryIdAsync(round.Applications[0].Id);
            using var visitor = host.NewClient();
            var url = $"/Public/Lists/{round.CampaignId}";

            // The form is not offered before the period, and a post made from an old copy is refused with the dates.
            host.Clock.Set(ChinaTime.At(2026, 12, 1).AddSeconds(-1));
            Assert.NotNull((await visitor.GetDocumentAsync(url)).QuerySelector("#objection-closed"));
            host.Clock.Set(ChinaTime.At(2026, 12, 1));
            var form = await visitor.GetDocumentAsync(url);
            Assert.NotNull(form.QuerySelector("#objection-form"));
            var token = form.QuerySelector("#objection-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

            async Task<HttpResponseMessage> PostAsync()
            {
                using var content = new FormUrlEncodedContent(ObjectionFields(entry).Append(new("__RequestVerificationToken", token)));
                return await visitor.Http.PostAsync(new Uri(url, UriKind.Relative), content);
            }

            host.Clock.Set(ChinaTime.At(2026, 12, 1).AddSeconds(-1));
            using (var early = await PostAsync())
            {
                Assert.Equal(HttpStatusCode.OK, early.StatusCode);
                Assert.Contains("公示期为2026年12月1日至2026年12月7日", (await PortalClient.ParseAsync(early)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            }
            host.Clock.Set(ChinaTime.At(2026, 12, 1));
            using (var first = await PostAsync())
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }
            host.Clock.Set(ChinaTime.At(2026, 12, 8).AddSeconds(-1));
            using (var last = await PostAsync())
            {
                Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
                var receipt = await visitor.GetDocumentAsync(url);
                Assert.Matches(@"回执编号：YY-2026-[0-9A-Z]{8}", receipt.QuerySelector("#receipt")!.TextContent);
            }
            host.Clock.Set(ChinaTime.At(2026, 12, 8));
            using (var late = await PostAsync())
            {
                Assert.Equal(HttpStatusCode.OK, late.StatusCode);
                Assert.Contains("现不在公示期内", (await PortalClient.ParseAsync(late)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            }
            await using var db = host.NewDbContext();
            Assert.Equal(2, await db.Objections.CountAsync(o => o.CampaignId == round.CampaignId));
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task An_objection_without_name_contact_or_text_is_refused_beside_each_field_and_nothing_is_saved()
    {
        try
        {
            var (round, ministry) = await PublishedRoundAsync();
            using var _ = ministry;
            host.Clock.Set(ChinaTime.At(2026, 12, 2, 9));
            using var visitor = host.NewClient();
            using var response = await visitor.SubmitAsync($"/Public/Lists/{round.CampaignId}", new Dictionary<string, string>
            {
                ["EntryId"] = (await EntryIdAsync(round.Applications[0].Id)).ToString(), ["SubmitterName"] = " ", ["Contact"] = "", ["Text"] = new string('异', 2001),
            }, "#objection-form");
            var page = await PortalClient.ParseAsync(response);
            Assert.Contains("实名反馈", page.QuerySelector("#f-submitterName-error")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#f-contact-error"));
            Assert.Contains("不能超过 2000 个字", page.QuerySelector("#f-text-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(2001, page.QuerySelector("#f-text")!.TextContent.Length); // what was typed is kept
            await using var db = host.NewDbContext();
            Assert.False(await db.Objections.AnyAsync(o => o.CampaignId == round.CampaignId));
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task Certification_is_refused_while_an_objection_is_open_and_then_publishes_the_certified_list_with_numbers()
    {
        try
        {
            var (round, ministry) = await PublishedRoundAsync(applications: 3, selected: 2);
            using var _ = ministry;
            var withdrawn = await EntryIdAsync(round.Applications[1].Id);
            host.Clock.Set(ChinaTime.At(2026, 12, 3, 9));
            Guid objectionId;
            await using (var db = host.NewDbContext())
            {
                var (objection, errors) = await Objections.LodgeAsync(db, round.CampaignId,
                    new ObjectionInput(withdrawn, "李四", "lisi@example.com", "运营管理机构未实际运营。", []), host.Clock.GetUtcNow());
                Assert.Empty(errors);
                objectionId = objection!.Id;
            }
            var certifyUrl = $"/Ministry/List/{round.CampaignId}/Certify";

            // During 公示, then after it with the objection still open: refused, and the form is not offered.
            // (Days pass between the steps, longer than a sign-in lasts: the officer signs in again each day.)
            using (var early = host.NewClient())
            {
                await early.SignInAsync(round.Ministry.UserName!);
                Assert.Contains("尚未结束", (await early.GetDocumentAsync(certifyUrl)).QuerySelector("#certify-refusal")!.TextContent, StringComparison.Ordinal);
            }
            host.Clock.Set(ChinaTime.At(2026, 12, 8, 9));
            using var officer = host.NewClient();
            await officer.SignInAsync(round.Ministry.UserName!);
            var refused = await officer.GetDocumentAsync(certifyUrl);
            Assert.Contains("还有 1 件异议尚未作出结论", refused.QuerySelector("#certify-refusal")!.TextContent, StringComparison.Ordinal);
            Assert.Null(refused.QuerySelector("#certify-form"));
            using (var forced = await officer.PostWithTokenAsync(certifyUrl, certifyUrl, new Dictionary<string, string> { ["Format"] = "合作区〔{year}〕{n:000}号", ["CertifiedOn"] = "2026-12-08" }))
            {
                Assert.Contains("尚未作出结论", (await PortalClient.ParseAsync(forced)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            }

            // 受理 → 核查 → 成立: the entry is withdrawn with the reason.
            var objectionsUrl = $"/Ministry/List/{round.CampaignId}/Objections";
            foreach (var (step, text) in new[] { ("Accept", ""), ("Investigate", "经核查，运营机构无办公场所。"), ("Uphold", "异议成立，撤销该条目。") })
            {
                using var handled = await officer.SubmitAsync(objectionsUrl, new Dictionary<string, string> { ["objectionId"] = objectionId.ToString(), ["step"] = step, ["text"] = text }, $"#o-{objectionId} form");
                Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
            }

            var form = await officer.GetDocumentAsync(certifyUrl);
            Assert.Single(form.QuerySelectorAll("#certify-form fieldset"));
            using (var certified = await officer.SubmitAsync(certifyUrl, new Dictionary<string, string>
            {
                ["Format"] = "合作区〔{year}〕{n:000}号", ["CertifiedOn"] = "2026-12-08", ["Choices[0].Certify"] = "true",
            }, "#certify-form"))
            {
                Assert.Equal(HttpStatusCode.Redirect, certified.StatusCode);
            }

            await using (var db = host.NewDbContext())
            {
                var certificate = await db.Certifications.SingleAsync(c => c.CampaignId == round.CampaignId);
                Assert.Equal(round.Applications[0].Id, certificate.ApplicationId);
                Assert.Matches(@"^合作区〔2026〕\d{3}号$", certificate.CertificateNumber);
                Assert.Equal(new DateOnly(2030, 12, 31), certificate.ValidUntil);
                Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "ObjectionUpheld" && e.EntityId == objectionId.ToString()));
                Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "ListCertified" && e.EntityId == round.CampaignId.ToString()));
            }

            using var anonymous = host.NewClient();
            var publicPage = await anonymous.GetDocumentAsync($"/Public/Lists/{round.CampaignId}");
            var certifiedRows = publicPage.QuerySelectorAll("#certified tbody tr").ToList();
            Assert.Single(certifiedRows);
            Assert.Contains(round.Applications[0].Title, certifiedRows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("有效期为2026年至2030年", publicPage.QuerySelector("#certified")!.TextContent, StringComparison.Ordinal);

            // The province sees each result: certified with its number, withdrawn with the objection's reason, not selected with its reason.
            using var province = host.NewClient();
            await province.SignInAsync(round.Province.UserName!);
            Assert.Contains("予以认定", (await province.GetDocumentAsync($"/Review/Applications/{round.Applications[0].Id}")).QuerySelector("#list-result")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("异议成立，撤销该条目", (await province.GetDocumentAsync($"/Review/Applications/{round.Applications[1].Id}")).QuerySelector("#list-result")!.TextContent, StringComparison.Ordinal);
            using var applicant = host.NewClient();
            await applicant.SignInAsync(round.Applicant.UserName!);
            Assert.Contains("综合评分靠后", (await applicant.GetDocumentAsync($"/Applications/{round.Applications[2].Id}")).QuerySelector("#list-result")!.TextContent, StringComparison.Ordinal);

            // Downloads read back: the 认定名单 sheet carries the certificate number.
            using var xlsx = await officer.Http.GetAsync(new Uri($"/Ministry/List?handler=Download&campaignId={round.CampaignId}&kind=certified&format=xlsx", UriKind.Relative));
            var sheet = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
            Assert.Contains(sheet, row => row.Contains(round.Applications[0].Title) && row.Any(c => c.StartsWith("合作区〔2026〕", StringComparison.Ordinal)));
            Assert.DoesNotContain(sheet, row => row.Contains(round.Applications[1].Title));
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_proposed_list_downloads_as_a_spreadsheet_and_an_announcement_pdf()
    {
        try
        {
            var (round, ministry) = await PublishedRoundAsync(applications: 2, selected: 2);
            using var _ = ministry;
            using var xlsx = await ministry.Http.GetAsync(new Uri($"/Ministry/List?handler=Download&campaignId={round.CampaignId}&kind=proposed&format=xlsx", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var sheet = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
            Assert.Equal("2026年度中外中小企业合作区建议名单公示", sheet[0][0]);
            Assert.Contains(sheet, r => r.SequenceEqual(new[] { "1", round.Applications[0].Title, "广东省佛山市", "佛山运营公司1" }));
            Assert.Contains(sheet, r => r.SequenceEqual(new[] { "2", round.Applications[1].Title, "广东省佛山市", "佛山运营公司2" }));

            using var pdf = await ministry.Http.GetAsync(new Uri($"/Ministry/List?handler=Download&campaignId={round.CampaignId}&kind=proposed&format=pdf", UriKind.Relative));
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var text = TestSupport.PdfTools.Compact(await TestSupport.PdfTools.TextAsync(await pdf.Content.ReadAsByteArrayAsync()));
            Assert.Contains("建议名单公示", text, StringComparison.Ordinal);
            Assert.Contains(round.Applications[1].Title, text, StringComparison.Ordinal);
            Assert.Contains("工业和信息化部中小企业局", text, StringComparison.Ordinal);
        }
        finally
        {
            host.Clock.Reset();
        }
    }

    private static List<List<string>> ReadSheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return part.WorksheetParts.First().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
