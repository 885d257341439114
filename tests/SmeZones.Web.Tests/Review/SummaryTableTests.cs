using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
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
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var (application, campaignId) = await RecommendedZoneAsync(chain, partners: "=HYPERLINK(\"http://x\")德国、法国");
        using var client = await host.SignedInAsync(chain.Province);

        using var response = await client.Http.GetAsync(new Uri($"/Review/Summary?handler=Xlsx&campaignId={campaignId}&contact=张三 020-12345678", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("2026年度中外中小企业合作区推荐汇总表", rows[0][0]); // the official title: the year's programme, not the round's name
        Assert.Equal($"省级中小企业主管部门：{chain.ProvinceOrganisation.Name}（盖章）", rows[1][0]);
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
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var (application, campaignId) = await RecommendedZoneAsync(chain);
        using var client = await host.SignedInAsync(chain.Province);

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
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var (application, campaignId) = await RecommendedZoneAsync(chain);
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer));

        var page = await client.GetDocumentAsync($"/Review/Summary?campaignId={campaignId}");

        Assert.DoesNotContain(application.Title, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("510000")]
    [InlineData("440000")]
    [InlineData("440300")]
    public async Task A_provincial_round_is_neither_listed_nor_reachable_outside_its_chain(string provincialUnit)
    {
        var xinjiang = await host.TestData.CreateRoundAsync(Programme.ClusterReview);
        var national = await host.TestData.CreateRoundAsync(Programme.Zone);
        var xinjiangRound = xinjiang.Id;
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, provincialUnit, Roles.Reviewer));

        var page = await client.GetDocumentAsync("/Review/Summary");
        using var preview = await client.Http.GetAsync(new Uri($"/Review/Summary?campaignId={xinjiangRound}", UriKind.Relative));
        using var xlsx = await client.Http.GetAsync(new Uri($"/Review/Summary?handler=Xlsx&campaignId={xinjiangRound}", UriKind.Relative));

        var rounds = page.QuerySelectorAll("#campaignId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.DoesNotContain(xinjiang.Name, rounds);
        Assert.Contains(national.Name, rounds); // the national rounds stay
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, xlsx.StatusCode);
    }

    [Theory]
    [InlineData(OrganisationLevel.ProvincialUnit)]
    [InlineData(OrganisationLevel.Prefecture)]
    public async Task The_organisations_in_a_provincial_rounds_chain_see_it(OrganisationLevel level)
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.ClusterReview);
        using var client = await host.SignedInAsync(level == OrganisationLevel.ProvincialUnit ? chain.Province : chain.Prefecture!);

        var page = await client.GetDocumentAsync($"/Review/Summary?campaignId={chain.Round.Id}");

        Assert.Contains(chain.Round.Name, page.QuerySelectorAll("#campaignId option").Select(o => o.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("a[href*='handler=Xlsx']"));
    }

    [Fact]
    public async Task The_ministry_does_not_see_a_provincial_round_that_has_no_ministry_stage()
    {
        var xinjiangRound = (await host.TestData.CreateRoundAsync(Programme.ClusterReview)).Id;
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        using var preview = await client.Http.GetAsync(new Uri($"/Review/Summary?campaignId={xinjiangRound}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    /// <summary>A complete zone application of the chain, submitted and recommended by the province with sign-off (the official table lists signed-off recommendations).</summary>
    private async Task<(Application Application, int CampaignId)> RecommendedZoneAsync(RoundChain chain, string partners = "德国、法国")
    {
        var draft = await host.TestData.CreateCompleteDraftAsync(chain.ApplicantOrganisation, chain.Round);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).Include(a => a.Organisation)
            .SingleAsync(a => a.Id == draft.Id);
        application.Title = $"佛山中德合作区{application.Number[^4..]}";
        application.SummaryPartners = partners;
        application.SummaryIntro = new string('简', 300);
        await ApplicationSubmission.SubmitAsync(db, application, FormEditionCatalogue.Default.Get("zone-2026"), Actor.System, host.Clock.GetUtcNow());
        var guangdong = chain.ProvinceOrganisation;
        db.StageReviews.Add(new StageReview
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = guangdong.Id,
            Decision = ReviewDecision.Recommend, Opinion = "同意推荐。", DecidedAt = host.Clock.GetUtcNow(),
            SignedOffAt = host.Clock.GetUtcNow(), SignedOffByName = "张处长", UpdatedAt = host.Clock.GetUtcNow(),
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
