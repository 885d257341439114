using System.Net;
using System.Text.RegularExpressions;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The inbox reads the assessment summary stored with each submission (ADR 0072); a write that changes what the
/// assessment reads must refresh it (SubmissionSummaries.AssessmentInputsChangedAsync), or the list goes stale.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class AssessmentInputsTests(PortalHost host)
{
    [Fact]
    public async Task The_inbox_counts_follow_the_provinces_reference_figures_as_they_are_entered_and_changed()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        // The complete form has three years of FDI and export growth, which the zone criteria compare with the figures.
        var answers = FormFixtures.Complete(chain.Round.FormEditionKey).Values.Where(a => a.Value != "false").ToDictionary(a => a.Key, a => a.Value);
        var title = ApplicationTitle.From(FormEditionCatalogue.Default.Get(chain.Round.FormEditionKey), answers) ?? "合作区";
        var application = await host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, answers, title);
        using var reviewer = await host.SignedInAsync(chain.Province);
        var figuresUrl = $"/Review/ReferenceFigures?CampaignId={chain.Round.Id}";

        var before = await CountsAsync(reviewer, application.Id);
        await SaveFiguresAsync(reviewer, figuresUrl, "-90", "-90");
        var below = await CountsAsync(reviewer, application.Id);
        await SaveFiguresAsync(reviewer, figuresUrl, "9000", "9000");
        var above = await CountsAsync(reviewer, application.Id);

        // Without figures the growth comparison lacks data; with averages far below the zone's growth it is met, far
        // above it is not met. The other requirements stay as they were.
        Assert.Equal(before with { Met = before.Met + 1, DataMissing = before.DataMissing - 1 }, below);
        Assert.Equal(before with { NotMet = before.NotMet + 1, DataMissing = before.DataMissing - 1 }, above);
    }

    private sealed record Counts(int Met, int NotMet, int DataMissing, int Judgement);

    private static async Task<Counts> CountsAsync(PortalClient client, Guid applicationId)
    {
        var page = await client.GetDocumentAsync("/Review");
        var cell = page.QuerySelector($"tr[data-application='{applicationId}'] td.inbox-assessment")
            ?? throw new InvalidOperationException("The application is not in the inbox.");
        var match = CountsPattern().Match(cell.TextContent);
        Assert.True(match.Success, cell.TextContent);
        return new Counts(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value), int.Parse(match.Groups[4].Value));
    }

    private static async Task SaveFiguresAsync(PortalClient client, string url, string fdi, string export)
    {
        using var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Fdi"] = fdi, ["Export"] = export, ["Source"] = "统计公报" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [GeneratedRegex(@"符合 (\d+) · 不符合 (\d+) · 数据缺失 (\d+) · 需判断 (\d+)")]
    private static partial Regex CountsPattern();
}
