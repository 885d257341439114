using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Ministry;

[Collection(PortalCollection.Name)]
public class NationalOverviewTests(PortalHost host)
{
    [Fact]
    public async Task The_overview_counts_each_units_recommendations_sign_offs_and_quota()
    {
        var round = await host.NationalRoundAsync();
        await host.SignedOffAsync(round);
        await host.SignedOffAsync(round);
        await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.NotRecommend, signedOff: true);
        await host.AtProvinceAsync(round, round.Chengdu, ReviewDecision.Recommend, signedOff: false);
        await host.AtProvinceAsync(round, round.Chengdu, ReviewDecision.Undecided, signedOff: false);
        using var client = await host.SignedInAsync(round.Ministry);

        var page = await client.GetDocumentAsync($"/Ministry/Overview?campaignId={round.Id}");

        var rows = page.QuerySelectorAll("table.national-overview tbody tr");
        Assert.Equal(RegionCatalogue.Instance.All.Count(r => r.IsProvincialUnit), rows.Length);
        Assert.Equal(37, rows.Length); // 31 provinces, 5 计划单列市, 兵团
        Assert.Equal(("0", "2", "2", "2 / 2", "已签发"), Cells(page, "440000"));
        Assert.Equal(("1", "1", "0", "1 / 2", "尚未签发"), Cells(page, "510000"));
        Assert.Equal(("0", "0", "0", "0 / 1", "尚无申报"), Cells(page, "440300"));
        Assert.NotNull(page.QuerySelector("tr[data-unit='660000']"));
        Assert.Equal("2", page.QuerySelector(".signed-total")!.TextContent);
        // The unit's own summary is offered only where something was signed off.
        Assert.NotNull(page.QuerySelector("tr[data-unit='440000'] a[href*='handler=Unit']"));
        Assert.Null(page.QuerySelector("tr[data-unit='510000'] a[href*='handler=Unit']"));
    }

    [Fact]
    public async Task A_units_summary_table_holds_only_its_signed_off_recommendations_under_its_own_name()
    {
        var round = await host.NationalRoundAsync();
        var signed = await host.SignedOffAsync(round);
        var unsigned = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: false);
        var sichuan = await host.SignedOffAsync(round, round.Chengdu);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Unit&campaignId={round.Id}&unit=440000&format=xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = NationalSheets.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"省级中小企业主管部门：{await GuangdongAuthorityAsync()}（盖章）", rows[1][0]);
        var titles = rows.Skip(3).Select(r => r.ElementAtOrDefault(1)).ToList();
        Assert.Contains(signed.Title, titles);
        Assert.DoesNotContain(unsigned.Title, titles);
        Assert.DoesNotContain(sichuan.Title, titles);
    }

    [Fact]
    public async Task The_national_summary_reads_back_from_the_spreadsheet_with_unit_and_verdict()
    {
        var round = await host.NationalRoundAsync();
        var guangdong = await host.SignedOffAsync(round);
        var sichuan = await host.SignedOffAsync(round, round.Chengdu);
        var unsigned = await host.AtProvinceAsync(round, round.Chengdu, ReviewDecision.Recommend, signedOff: false);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Xlsx&campaignId={round.Id}", UriKind.Relative));

        var rows = NationalSheets.Read(await response.Content.ReadAsByteArrayAsync());
        var header = rows.First(r => r.Contains("合作区名称"));
        Assert.Equal(["序号", "推荐单位", "合作区名称"], header.Take(3));
        Assert.Equal(["预评估结论（省级签发时）", "专家评审（去掉最高最低分后平均）"], header.TakeLast(2));
        var body = rows.SkipWhile(r => r != header).Skip(1).ToList();
        Assert.Equal(2, body.Count);
        Assert.Equal(["1", "广东省", guangdong.Title], body[0].Take(3));
        Assert.Equal(["2", "四川省", sichuan.Title], body[1].Take(3));
        Assert.All(body, r => Assert.Contains(r[^2], new[] { "门槛条件均满足", "有门槛条件未满足" }));
        Assert.DoesNotContain(body, r => r.Contains(unsigned.Title));
    }

    [Fact]
    public async Task The_national_summary_CSV_is_UTF8_with_a_byte_order_mark_and_neutralised_formulas()
    {
        var round = await host.NationalRoundAsync();
        var title = "=HYPERLINK(\"http://x\")" + WorkspaceTestData.UniqueTitle("合作区");
        var answers = WorkspaceTestData.ZoneAnswers(title);
        var application = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, answers);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Csv&campaignId={round.Id}", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("\"序号\",\"推荐单位\",\"合作区名称\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"\"1\",\"广东省\",\"'{application.Title.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_national_summary_PDF_carries_the_title_and_the_rows()
    {
        var round = await host.NationalRoundAsync();
        var application = await host.SignedOffAsync(round);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Pdf&campaignId={round.Id}", UriKind.Relative));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = PdfTools.Compact(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("全国推荐汇总表", text, StringComparison.Ordinal);
        Assert.Contains(application.Title[^6..], text, StringComparison.Ordinal);
        Assert.Contains("广东省", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_are_audited()
    {
        var round = await host.NationalRoundAsync();
        await host.SignedOffAsync(round);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Csv&campaignId={round.Id}", UriKind.Relative));

        await using var db = host.NewDbContext();
        Assert.Contains(db.AuditEvents, e => e.Action == "NationalSummaryDownloaded" && e.EntityId == round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Roles.Reviewer, OrganisationLevel.ProvincialUnit, "440000")] // the applicant's own province
    [InlineData(Roles.Reviewer, OrganisationLevel.ProvincialUnit, "440300")] // a 计划单列市
    [InlineData(Roles.Applicant, OrganisationLevel.Prefecture, "440600")]
    [InlineData(Roles.Expert, OrganisationLevel.ProvincialUnit, "440000")]
    public async Task Only_the_ministry_reaches_the_national_pages_and_downloads(string role, OrganisationLevel level, string region)
    {
        var round = await host.NationalRoundAsync();
        var application = await host.SignedOffAsync(round);
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(level, region, role));

        foreach (var url in new[]
        {
            $"/Ministry/Overview?campaignId={round.Id}", $"/Ministry/Overview?handler=Csv&campaignId={round.Id}",
            $"/Ministry/Overview?handler=Unit&campaignId={round.Id}&unit=440000&format=xlsx",
            $"/Ministry/Applications?campaignId={round.Id}", $"/Ministry/Applications/{application.Id}",
            $"/Ministry/Applications/Dossier?id={application.Id}", $"/Ministry/Applications/Dossier?campaignId={round.Id}&unit=440000",
        })
        {
            using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_round_the_ministry_does_not_receive_is_not_found()
    {
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        var xinjiang = (await host.TestData.CreateRoundAsync(Programme.ClusterReview)).Id;

        using var overview = await client.Http.GetAsync(new Uri($"/Ministry/Overview?campaignId={xinjiang}", UriKind.Relative));
        using var csv = await client.Http.GetAsync(new Uri($"/Ministry/Overview?handler=Csv&campaignId={xinjiang}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, overview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    /// <summary>
    /// The name the portal gives 广东's authority: the first active one it knows of. The test database holds many
    /// authorities of 广东 (every test makes its own), so it is read back rather than assumed to be this round's.
    /// </summary>
    private async Task<string> GuangdongAuthorityAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Organisations.Where(o => o.Level == OrganisationLevel.ProvincialUnit && o.IsActive && o.RegionCode == "440000")
            .OrderBy(o => o.Id).Select(o => o.Name).FirstAsync();
    }

    private static (string, string, string, string, string) Cells(IDocument page, string unit)
    {
        var row = page.QuerySelector($"tr[data-unit='{unit}']")!;
        string Text(string cls) => row.QuerySelector("." + cls)!.TextContent.Trim();
        return (Text("waiting"), Text("recommended"), Text("signed"), Text("quota"), Text("progress-text"));
    }
}

/// <summary>Reads a sheet's rows as text, as a spreadsheet program shows them.</summary>
public static class NationalSheets
{
    public static List<List<string>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return part.WorksheetParts.First().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
