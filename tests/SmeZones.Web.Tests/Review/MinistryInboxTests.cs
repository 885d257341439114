using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// The ministry's home and workbench (issue 8 item 15, ADR 0058): one count of 待本级审核, and a province's own round,
/// whose chain has no ministry stage, listed apart and read-only rather than as waiting for the ministry.
/// </summary>
[Collection(PortalCollection.Name)]
public class MinistryInboxTests(PortalHost host)
{
    [Fact]
    public async Task The_home_and_the_workbench_count_the_same_applications_waiting_at_the_ministry()
    {
        var zone = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var waiting = await host.TestData.CreateAtMinistryAsync(zone.ApplicantOrganisation, zone.Round,
            new Dictionary<string, string> { ["basic.zoneName"] = "部级待审合作区" }, $"部级待审合作区{TestData.Unique()}");
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        var home = await ministry.GetDocumentAsync("/");
        var workbench = await ministry.GetDocumentAsync("/Review");

        var count = home.GetElementById("waiting-count")!.TextContent;
        Assert.True(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(count, workbench.QuerySelector("#inbox-waiting strong")!.TextContent);
        Assert.Contains(waiting.Title, home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The ministry's jurisdiction is the country, and its list includes what is still with a local stage.
        var intro = workbench.GetElementById("inbox-intro")!.TextContent;
        Assert.StartsWith("以下是全国各地已提交的申报，包括仍在地方审核环节的申报", intro, StringComparison.Ordinal);
        Assert.DoesNotContain("已报送至本级", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_without_a_ministry_stage_is_listed_apart_and_read_only_for_the_ministry()
    {
        var xinjiang = await host.TestData.CreateRoundChainAsync(Programme.ClusterReview);
        var title = $"新疆复核集群{TestData.Unique()}";
        var application = await host.TestData.CreateSubmittedApplicationAsync(xinjiang.ApplicantOrganisation, xinjiang.Round,
            new Dictionary<string, string> { ["basic.clusterName"] = title }, title);
        var zone = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var national = await host.TestData.CreateAtMinistryAsync(zone.ApplicantOrganisation, zone.Round,
            new Dictionary<string, string> { ["basic.zoneName"] = "部级合作区" }, $"部级合作区{TestData.Unique()}");
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        var workbench = await ministry.GetDocumentAsync("/Review");
        var home = await ministry.GetDocumentAsync("/");

        var inChain = string.Concat(workbench.QuerySelectorAll("section.inbox-campaign").Select(s => s.TextContent));
        var outside = workbench.QuerySelector("section.inbox-outside")?.TextContent ?? "";
        Assert.DoesNotContain(application.Number, inChain, StringComparison.Ordinal);
        Assert.Contains(application.Number, outside, StringComparison.Ordinal);
        Assert.Contains("仅供查阅", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("本级审核", workbench.QuerySelector($"section.inbox-outside tr[data-application='{application.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(national.Number, inChain, StringComparison.Ordinal);
        Assert.DoesNotContain(application.Number, home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
