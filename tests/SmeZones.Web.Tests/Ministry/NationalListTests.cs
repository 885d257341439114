using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Ministry;

[Collection(PortalCollection.Name)]
public class NationalListTests(PortalHost host)
{
    [Fact]
    public async Task The_list_shows_fifty_to_a_page_and_keeps_its_filters_across_pages()
    {
        var round = await host.NationalRoundAsync();
        for (var i = 0; i < 51; i++)
        {
            await host.SignedOffAsync(round);
        }
        var sichuan = await host.SignedOffAsync(round, round.Chengdu);
        using var client = await host.SignedInAsync(round.Ministry);

        var first = await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&unit=440000");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("共 51 项", first.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("unit=440000", next, StringComparison.Ordinal);
        Assert.Single(Rows(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        // Ordered by number within the unit, with no application on both pages.
        var numbers = Rows(first).Concat(Rows(second)).Select(r => r[0]).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(51, numbers.Distinct().Count());
        Assert.DoesNotContain(sichuan.Number, numbers);
    }

    [Fact]
    public async Task The_list_filters_by_region_class_verdict_and_review_state()
    {
        var round = await host.NationalRoundAsync();
        var guangdong = await host.SignedOffAsync(round);
        var sichuan = await host.SignedOffAsync(round, round.Chengdu);
        var answers = WorkspaceTestData.ZoneAnswers(WorkspaceTestData.UniqueTitle("重大事故合作区"));
        answers["basic.majorIncident"] = "yes"; // a gate not met
        var failing = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, answers);
        var returned = await host.SignedOffAsync(round);
        var decided = await host.SignedOffAsync(round);
        await using (var db = host.NewDbContext())
        {
            (await db.Applications.SingleAsync(a => a.Id == returned.Id)).Status = ApplicationStatus.Returned;
            db.StageReviews.Add(new StageReview
            {
                Id = Guid.NewGuid(), ApplicationId = decided.Id, StageOrder = 2, OrganisationId = round.Ministry.OrganisationId,
                Decision = ReviewDecision.Recommend, Opinion = "同意", UpdatedAt = host.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        using var client = await host.SignedInAsync(round.Ministry);

        var west = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&class=West"));
        var notMet = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&verdict=GatesNotMet"));
        var met = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&verdict=GatesMet"));
        var returnedOnly = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&state=Returned"));
        var decidedOnly = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&state=Decided"));
        var waiting = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&state=Waiting"));
        var bogus = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}&class=Nowhere&state=99&p=-3"));

        Assert.Equal([sichuan.Title], west);
        Assert.Contains(failing.Title, notMet);
        Assert.DoesNotContain(failing.Title, met);
        Assert.Equal(5, met.Count + notMet.Count);
        Assert.Equal([returned.Title], returnedOnly);
        Assert.Equal([decided.Title], decidedOnly);
        Assert.Equal(3, waiting.Count);
        Assert.DoesNotContain(returned.Title, waiting);
        Assert.Equal(5, bogus.Count); // unknown values are no filter, never an error
        Assert.Contains(guangdong.Title, bogus);
    }

    [Fact]
    public async Task An_application_opens_read_only_with_the_provinces_opinion_evidence_and_assessment()
    {
        var round = await host.NationalRoundAsync();
        var application = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, null,
            ("1", WorkspaceTestData.Pdf));
        using var client = await host.SignedInAsync(round.Ministry);

        var page = await client.GetDocumentAsync($"/Ministry/Applications/{application.Id}");

        Assert.Contains($"同意推荐{application.Title}", page.QuerySelector(".stage-review .opinion")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("张处长", page.QuerySelector(".stage-review")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("佐证1.pdf", page.QuerySelector(".evidence-list a")!.TextContent);
        Assert.NotNull(page.QuerySelector("#assessment-title + *"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task A_recommendation_not_yet_signed_off_has_not_reached_the_ministry()
    {
        var round = await host.NationalRoundAsync();
        var unsigned = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: false);
        using var client = await host.SignedInAsync(round.Ministry);

        using var detail = await client.Http.GetAsync(new Uri($"/Ministry/Applications/{unsigned.Id}", UriKind.Relative));
        using var dossier = await client.Http.GetAsync(new Uri($"/Ministry/Applications/Dossier?id={unsigned.Id}", UriKind.Relative));
        var list = Titles(await client.GetDocumentAsync($"/Ministry/Applications?campaignId={round.Id}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, dossier.StatusCode);
        Assert.Empty(list);
    }

    private static List<List<string>> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.national-list tbody tr").Where(r => r.QuerySelector("a") is not null)
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();

    private static List<string> Titles(AngleSharp.Dom.IDocument page) => Rows(page).Select(r => r[1]).ToList();
}
