using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Commands;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Rounds;

/// <summary>`create-round FILE.json`: the editor's rules for scripted set-up, numbers written as JSON numbers.</summary>
[Collection(PortalCollection.Name)]
public class CreateRoundVerbTests(PortalHost host)
{
    private async Task<string> NewMinistryAsync()
    {
        await using var db = host.NewDbContext();
        var ministry = new Organisation { Name = "部-" + Guid.NewGuid().ToString("N")[..12], Level = OrganisationLevel.Ministry, CreatedAt = host.Clock.GetUtcNow() };
        db.Organisations.Add(ministry);
        await db.SaveChangesAsync();
        return ministry.Name;
    }

    private string Json(string organiser, string name, int quota) => $$"""
        {
          "organiser": "{{organiser}}", "programme": "Cluster", "year": 2024, "name": "{{name}}", "formEdition": "cluster-2024",
          "opensAt": "{{RoundDefinition.FormatTime(host.Clock.GetUtcNow())}}", "closesAt": "{{RoundDefinition.FormatTime(host.Clock.GetUtcNow().AddDays(10))}}",
          "noticeNumber": "工信厅企业函〔2024〕1号", "officialDeadline": "10日内", "applicantLevel": "County",
          "stages": [
            { "level": "ProvincialUnit", "name": "省级推荐", "deadline": "{{RoundDefinition.FormatTime(host.Clock.GetUtcNow().AddDays(20))}}", "quota": {{quota}}, "separatelyPlannedCityQuota": 2, "bingtuanQuota": 2 },
            { "level": "Ministry", "name": "部级评审", "deadline": "{{RoundDefinition.FormatTime(host.Clock.GetUtcNow().AddDays(30))}}" }
          ],
          "relaxedRegionClasses": ["West"], "introMaxChars": 300, "publish": true
        }
        """;

    private async Task<int> RunAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"round-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            using var scope = host.Services.CreateScope();
            return await CreateRound.RunAsync(scope.ServiceProvider, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_valid_file_creates_and_publishes_the_round_an_invalid_one_creates_nothing()
    {
        var organiser = await NewMinistryAsync();
        var bad = "坏集群批次" + Guid.NewGuid().ToString("N")[..8];
        var good = "2024年度集群补充" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(1, await RunAsync(Json(organiser, bad, quota: -1)));
        Assert.Equal(1, await RunAsync("{ not json"));
        Assert.Equal(0, await RunAsync(Json(organiser, good, quota: 8)));

        await using var db = host.NewDbContext();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Name == bad));
        var created = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Name == good);
        Assert.Equal(CampaignStatus.Published, created.Status);
        Assert.Equal(("cluster-2022", 8, 2), (created.CriteriaEditionKey, created.Stages.Single(s => s.Order == 1).Quota, created.Stages.Single(s => s.Order == 1).BingtuanQuota));
        // A second open cluster round of 2024 for the same organiser is refused, as in the editor.
        Assert.Equal(1, await RunAsync(Json(organiser, good + "二", quota: 8)));
    }

    [Fact]
    public async Task The_demo_rounds_are_the_json_files_built_through_the_same_path()
    {
        var rounds = DemoData.DemoRounds(host.Clock.GetUtcNow()).ToList();

        Assert.Equal(["2026年度中外中小企业合作区推荐", "2024年度中小企业特色产业集群推荐", "2026年新疆维吾尔自治区中小企业特色产业集群复核"], rounds.Select(r => r.Name));
        foreach (var round in rounds)
        {
            // Each organised by a new authority of the kind that organises it: the ministry, or 新疆 for its re-review.
            var programme = Enum.Parse<Programme>(round.Programme!);
            var organiser = programme == Programme.ClusterReview
                ? await host.TestData.CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "650000")
                : await host.TestData.CreateOrganisationAsync(OrganisationLevel.Ministry, null);
            round.Organiser = organiser.Name;
            Assert.Empty(new RoundDefinitionValidator(organiser).Validate(round).Errors);
            Assert.Equal(CampaignStatus.Published, (await host.TestData.CreateRoundAsync(programme, organiser)).Status);
        }
    }
}
