using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>A cluster certified from an application filed in the portal, now due for re-review, with its holder's user.</summary>
public sealed record DueCluster(RegistryEntry Entry, PortalUser Holder, IReadOnlyDictionary<string, string> OriginalAnswers);

public sealed partial class TestData
{
    /// <summary>The plan targets of the original cluster application (form 003's plan table), as the holder submitted them.</summary>
    public static Dictionary<string, string> ClusterPlanAnswers(string tag) => new()
    {
        ["plan.targets.outputGrowth.baseline"] = "9.5%", ["plan.targets.outputGrowth.target"] = "12%",
        ["plan.targets.patents.baseline"] = "120", ["plan.targets.patents.target"] = "180",
        ["plan.targets.co2.target"] = "下降18%",
        ["plan.targets.industryExtra1.indicator"] = $"规上企业数量{tag}", ["plan.targets.industryExtra1.baseline"] = "40",
        ["plan.targets.industryExtra1.target"] = "55",
    };

    /// <summary>
    /// A county authority in the region (default 昌吉市, under 新疆's re-review) that submitted a cluster application in a
    /// new national round; the application was certified and its 名录 entry's validity has ended (期满待复核).
    /// </summary>
    public async Task<DueCluster> CreateDueClusterAsync(string countyRegion = "652301")
    {
        var holder = await CreateUserAsync(OrganisationLevel.County, countyRegion, Roles.Applicant);
        var round = await CreateRoundAsync(Programme.Cluster);
        var tag = Unique();
        var answers = ClusterPlanAnswers(tag);
        var application = await CreateSubmittedApplicationAsync(holder.Organisation!, round, answers, $"测试集群{tag}");
        var entry = await CreateRegistryEntryAsync(holder.Organisation!, Programme.Cluster, new DateOnly(2023, 3, 1), new DateOnly(2025, 12, 31),
            RegistryStatus.ExpiredAwaitingReview, round);
        await using var db = host.NewDbContext();
        var stored = await db.RegistryEntries.FindAsync(entry.Id);
        stored!.ApplicationId = application.Id;
        await db.SaveChangesAsync();
        return new DueCluster(stored, holder, answers);
    }
}
