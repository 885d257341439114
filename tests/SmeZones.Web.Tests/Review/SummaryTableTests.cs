using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

[Collection(PortalCollection.Name)]
public class SummaryTableTests(PortalHost host)
{
    private static readonly string[] ZoneColumns =
        ["序号", "合作区名称", "合作区运营管理机构", "所在省（区、市）", "所在市（州、区）", "重点合作国别（区域）", "合作区简介（300字以内）"];

    [Fact]
    public async Task The_recommending_authority_downloads_its_summary_table_as_a_spreadsheet()
    {
        var (application, campaignId) = await RecommendedZoneAsync(partners: "=HYPERLINK(\"http://x\")德国、法国");
        using var client = host.NewClient();
        await client.SignInAsync("reviewer.guangdong");

        using var response = await client.Http.GetAsync(new Uri($"/Review/Summary?handler=Xlsx&campaignId={campaignId}&contact=张三 020-12345678", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("2026年度中外中小企业合作区推荐汇总表", rows[0][0]);
        Assert.Equal("省级中小企业主管部门：广东省工业和信息化厅（盖章）", rows[1][0]);
        Assert.Equal("联系人及联系方式：张三 020-12345678", rows[2][0]);
        Assert.Equal(ZoneColumns, rows[3]);
        var row = rows.Single(r => r.Count > 1 && r[1] == application.Title);
        Assert.Equal(["广东省", "佛山市"], row.Skip(3).Take(2));
        Assert.Equal("=HYPERLINK(\"http://x\")德国、法国", row[5]); // a text cell, exactly as typed
        Assert.Equal(300, FormText.CountCharacters(row[6]));
    }

    [Fact]
    public async Task The_summary_PDF_carries_the_title_the_rows_and_a_stamp_place()
    {
        var (application, campaignId) = await RecommendedZoneAsync();
        using var client = host.NewClient();
        await client.SignInAsync("reviewer.guangdong");

        using var response = await client.Http.GetAsync(new Uri($"/Review/Summary?handler=Pdf&campaignId={campaignId}", UriKind.Relative));

        var text = PdfTools.Compact(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("2026年度中外中小企业合作区推荐汇总表", text, StringComparison.Ordinal);
        // A cell may wrap, and pdftotext then interleaves its lines with the next cells': look for the pieces.
        Assert.Contains("佛山中德", text, StringComparison.Ordinal);
        Assert.Contains(application.Number[^4..], text, StringComparison.Ordinal);
        Assert.Contains("（盖章）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_province_does_not_get_the_row()
    {
        var (application, campaignId) = await RecommendedZoneAsync();
        using var client = host.NewClient();
        await client.SignInAsync("reviewer.sichuan");

        var page = await client.GetDocumentAsync($"/Review/Summary?campaignId={campaignId}");

        Assert.DoesNotContain(application.Title, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewer.sichuan")]
    [InlineData("reviewer.guangdong")]
    [InlineData("reviewer.shenzhen")]
    public async Task A_provincial_round_is_neither_listed_nor_reachable_outside_its_chain(string user)
    {
        var xinjiangRound = await CampaignIdAsync(XinjiangRound);
        using var client = host.NewClient();
        await client.SignInAsync(user);

        var page = await client.GetDocumentAsync("/Review/Summary");
        using var preview = await client.Http.GetAsync(new Uri($"/Review/Summary?campaignId={xinjiangRound}", UriKind.Relative));
        using var xlsx = await client.Http.GetAsync(new Uri($"/Review/Summary?handler=Xlsx&campaignId={xinjiangRound}", UriKind.Relative));

        var rounds = page.QuerySelectorAll("#campaignId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.DoesNotContain(XinjiangRound, rounds);
        Assert.Contains("2026年度中外中小企业合作区推荐", rounds); // the national rounds stay
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, xlsx.StatusCode);
    }

    [Theory]
    [InlineData("reviewer.xinjiang")]
    [InlineData("reviewer.changji")]
    public async Task The_organisations_in_a_provincial_rounds_chain_see_it(string user)
    {
        var xinjiangRound = await CampaignIdAsync(XinjiangRound);
        using var client = host.NewClient();
        await client.SignInAsync(user);

        var page = await client.GetDocumentAsync($"/Review/Summary?campaignId={xinjiangRound}");

        Assert.Contains(XinjiangRound, page.QuerySelectorAll("#campaignId option").Select(o => o.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("a[href*='handler=Xlsx']"));
    }

    [Fact]
    public async Task The_ministry_does_not_see_a_provincial_round_that_has_no_ministry_stage()
    {
        var xinjiangRound = await CampaignIdAsync(XinjiangRound);
        using var client = host.NewClient();
        await client.SignInAsync("ministry");

        using var preview = await client.Http.GetAsync(new Uri($"/Review/Summary?campaignId={xinjiangRound}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    private const string XinjiangRound = "2026年新疆维吾尔自治区中小企业特色产业集群复核";

    private async Task<int> CampaignIdAsync(string name)
    {
        await using var db = host.NewDbContext();
        return await db.Campaigns.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<(Application Application, int CampaignId)> RecommendedZoneAsync(string partners = "德国、法国")
    {
        var draft = await host.CompleteDraftAsync("佛山市工业和信息化局", "2026年度中外中小企业合作区");
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == draft.Id);
        application.Title = $"佛山中德合作区{application.Number[^4..]}";
        application.SummaryPartners = partners;
        application.SummaryIntro = new string('简', 300);
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get("zone-2026"), Actor.System, host.Clock.GetUtcNow());
        var guangdong = await db.Organisations.SingleAsync(o => o.Name == "广东省工业和信息化厅");
        db.StageReviews.Add(new StageReview
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = guangdong.Id,
            Decision = ReviewDecision.Recommend, UpdatedAt = host.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (application, application.CampaignId);
    }

    /// <summary>Every row of the first sheet as text, reading shared strings as a spreadsheet program would.</summary>
    private static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = part.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
