using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.Web.Tests.Review.WorkspaceTestData;

namespace SmeZones.Web.Tests.Review;

/// <summary>The inbox in pages of 50 (ADR 0072): order and filters applied in SQL before the cut, counts of all pages, links without JavaScript.</summary>
[Collection(PortalCollection.Name)]
public class InboxPagingTests(PortalHost host)
{
    [Fact]
    public async Task Fifty_two_applications_make_two_pages_in_number_order_with_filters_kept_in_the_page_links()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var label = UniqueTitle("分页");
        var applications = new List<Application>();
        for (var i = 0; i < 52; i++)
        {
            applications.Add(await host.SubmittedZoneAsync(chain, $"{label}{i:00}"));
        }
        using var client = await host.SignedInAsync(chain.Province);
        var query = $"campaign={chain.Round.Id}&sort=number";

        var first = await client.GetDocumentAsync($"/Review?{query}");
        var second = await client.GetDocumentAsync($"/Review?{query}&p=2");
        var beyond = await client.GetDocumentAsync($"/Review?{query}&p=99");

        var expected = applications.OrderBy(a => a.Number, StringComparer.Ordinal).Select(a => a.Id).ToList();
        Assert.Equal(expected[..50], Ids(first));
        Assert.Equal(expected[50..], Ids(second));
        Assert.Equal(expected[50..], Ids(beyond));
        Assert.Contains("（52 件，本页 50 件）", first.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("共 52 件", first.QuerySelector(".inbox-count")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("nav[aria-label='分页'] a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains($"campaign={chain.Round.Id}", next, StringComparison.Ordinal);
        Assert.Contains("sort=number", next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);
        Assert.Equal("page", second.QuerySelector("nav[aria-label='分页'] [aria-current]")!.GetAttribute("aria-current"));
        Assert.Contains("第 2 页", second.QuerySelector("nav[aria-label='分页'] [aria-current]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(second.QuerySelector("nav[aria-label='分页'] a[rel='prev']"));
    }

    [Fact]
    public async Task Title_order_and_the_search_filter_are_applied_before_the_page_is_cut()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var label = UniqueTitle("筛选");
        // 51 matching (so the filter's count is over a page), and some that do not match.
        for (var i = 0; i < 51; i++)
        {
            await host.SubmittedZoneAsync(chain, $"{label}乙{i:00}");
        }
        var jia = await host.SubmittedZoneAsync(chain, $"{label}甲");
        var other = await host.SubmittedZoneAsync(chain, UniqueTitle("别的"));
        using var client = await host.SignedInAsync(chain.Province);

        var page = await client.GetDocumentAsync($"/Review?campaign={chain.Round.Id}&q={Uri.EscapeDataString(label)}&sort=title");

        // 甲 (jiǎ) sorts before every 乙 (yǐ) although it was submitted last: the order is the database's, over all rows.
        Assert.Equal(jia.Id, Ids(page)[0]);
        Assert.Equal(50, Ids(page).Count);
        Assert.DoesNotContain(other.Id, Ids(page));
        Assert.Contains("共 52 件", page.QuerySelector(".inbox-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_stored_at_submission_equals_the_assessment_of_its_snapshot_and_is_what_the_inbox_shows()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        await using var db = host.NewDbContext();
        var submission = await db.Submissions.SingleAsync(s => s.ApplicationId == application.Id);
        var stored = await db.SubmissionSummaries.SingleAsync(s => s.SubmissionId == submission.Id);
        var loaded = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).SingleAsync(a => a.Id == application.Id);
        var snapshot = SubmissionSnapshot.Parse(submission.CanonicalJson);
        var assessment = ApplicationAssessment.TryAssess(loaded.Campaign!, snapshot.Definition, new FormAnswers(snapshot.Answers),
            await ApplicationAssessment.SettingsForAsync(db, loaded))!;
        var suggested = ScoringRules.Dimensions(assessment).Sum(d => d.SuggestedPoints ?? 0);

        Assert.Equal(
            (true, assessment.AllGatesMet, assessment.Summary.Met, assessment.Summary.NotMet, assessment.Summary.DataMissing, assessment.Summary.ReviewerJudgement, (decimal?)suggested),
            (stored.Assessed, stored.AllGatesMet, stored.Met, stored.NotMet, stored.DataMissing, stored.ReviewerJudgement, stored.SuggestedTotal));
        Assert.Equal((application.Id, 1), (stored.ApplicationId, stored.Sequence));
        using var client = await host.SignedInAsync(chain.Province);
        var row = (await client.GetDocumentAsync($"/Review?campaign={chain.Round.Id}")).QuerySelector($"tr[data-application='{application.Id}']")!;
        Assert.Contains($"符合 {stored.Met} · 不符合 {stored.NotMet} · 数据缺失 {stored.DataMissing} · 需判断 {stored.ReviewerJudgement}",
            row.QuerySelector(".inbox-assessment")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_without_a_summary_gets_the_same_one_from_the_backfill_that_migrate_runs()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        SubmissionSummary original;
        await using (var db = host.NewDbContext())
        {
            original = await db.SubmissionSummaries.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id);
            await db.SubmissionSummaries.Where(s => s.ApplicationId == application.Id).ExecuteDeleteAsync();
        }

        await using (var db = host.NewDbContext())
        {
            Assert.True(await SubmissionSummaries.BackfillAsync(db, host.Clock) >= 1);
        }

        await using var check = host.NewDbContext();
        var backfilled = await check.SubmissionSummaries.AsNoTracking().SingleAsync(s => s.ApplicationId == application.Id);
        Assert.Equal(
            (original.SubmissionId, original.Assessed, original.AllGatesMet, original.Met, original.NotMet, original.DataMissing, original.ReviewerJudgement, original.SuggestedTotal),
            (backfilled.SubmissionId, backfilled.Assessed, backfilled.AllGatesMet, backfilled.Met, backfilled.NotMet, backfilled.DataMissing, backfilled.ReviewerJudgement, backfilled.SuggestedTotal));
    }

    private static List<Guid> Ids(IDocument page) =>
        page.QuerySelectorAll("tr[data-application]").Select(r => Guid.Parse(r.GetAttribute("data-application")!)).ToList();
}
