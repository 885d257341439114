using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    // Application numbers restart in each round; every round here starts its counter in a block of its own, so a
    // number is unique across the assembly's rounds, as it is in a real year's single round, and a search by it finds one.
    private static int _lastCounterBlock;

    /// <summary>
    /// A new open round of the programme, shaped as the official notice sets it (form and criteria edition, who applies,
    /// the review chain with its quotas), uniquely named after the official round, e.g. "2026年度中外中小企业合作区推荐（测试3f2a9c1d）".
    /// National rounds are organised by a new ministry authority unless one is given; the 新疆 re-review by a new 新疆 authority.
    /// </summary>
    public async Task<Campaign> CreateRoundAsync(Programme programme, Organisation? organiser = null, Action<Campaign>? configure = null)
    {
        organiser ??= programme == Programme.ClusterReview
            ? await CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "650000")
            : await CreateOrganisationAsync(OrganisationLevel.Ministry, null);
        var now = host.Clock.GetUtcNow();
        var round = Shape(programme, $"（测试{Unique()}）");
        round.OrganiserId = organiser.Id;
        round.OpensAt = now.AddDays(-1);
        round.ClosesAt = now.AddDays(60);
        round.ApplicationCounter = Interlocked.Add(ref _lastCounterBlock, 1000);
        configure?.Invoke(round);
        await using var db = host.NewDbContext();
        db.Campaigns.Add(round);
        await db.SaveChangesAsync();
        round.Organiser = organiser;
        return round;
    }

    /// <summary>
    /// A new round with an applicant authority where the official rounds have theirs (佛山市 for zones, 南海区 for clusters,
    /// 昌吉市 for the 新疆 re-review) and the reviewing authorities above it, each with one user.
    /// </summary>
    public async Task<RoundChain> CreateRoundChainAsync(Programme programme)
    {
        var (applicantLevel, applicantRegion, provinceRegion) = programme switch
        {
            Programme.Zone => (OrganisationLevel.Prefecture, "440600", "440000"),
            Programme.Cluster => (OrganisationLevel.County, "440605", "440000"),
            _ => (OrganisationLevel.County, "652301", "650000"),
        };
        var applicant = await CreateUserAsync(applicantLevel, applicantRegion, Roles.Applicant);
        var province = await CreateUserAsync(OrganisationLevel.ProvincialUnit, provinceRegion, Roles.Reviewer);
        var prefecture = programme == Programme.ClusterReview
            ? await CreateUserAsync(OrganisationLevel.Prefecture, "652300", Roles.Reviewer)
            : null;
        var round = await CreateRoundAsync(programme, programme == Programme.ClusterReview ? province.Organisation : null);
        return new RoundChain(round, applicant, province, prefecture);
    }

    private static Campaign Shape(Programme programme, string tag) => programme switch
    {
        Programme.Zone => new Campaign
        {
            Name = $"2026年度中外中小企业合作区推荐{tag}", Programme = programme, Year = 2026,
            FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024", ApplicantLevel = OrganisationLevel.Prefecture,
            OfficialNotice = "工信厅企业函〔2026〕156号", OfficialDeadline = "2026年8月15日前由省级中小企业主管部门报送工业和信息化部中小企业局",
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级中小企业主管部门初审推荐", Quota = 2, SpecialUnitQuota = 1 },
                new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "工业和信息化部评审" },
            ],
        },
        Programme.Cluster => new Campaign
        {
            Name = $"2024年度中小企业特色产业集群推荐{tag}", Programme = programme, Year = 2024,
            FormEditionKey = "cluster-2024", CriteriaEditionKey = "cluster-2022", ApplicantLevel = OrganisationLevel.County,
            OfficialNotice = "促进中小企业特色产业集群发展暂行办法（工信部企业〔2022〕119号）", OfficialDeadline = "按当年度工业和信息化部通知要求报送",
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级中小企业主管部门初审推荐", Quota = 8, SpecialUnitQuota = 2 },
                new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "工业和信息化部评审" },
            ],
        },
        _ => new Campaign
        {
            Name = $"2026年新疆维吾尔自治区中小企业特色产业集群复核{tag}", Programme = Programme.ClusterReview, Year = 2026,
            FormEditionKey = "cluster-review-xj", CriteriaEditionKey = "cluster-review-xj", ApplicantLevel = OrganisationLevel.County,
            OfficialNotice = "新疆维吾尔自治区工业和信息化厅 中小企业特色产业集群复核", OfficialDeadline = "按自治区工业和信息化厅通知要求报送",
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.Prefecture, Name = "地（州、市）初审" },
                new() { Order = 2, Level = OrganisationLevel.ProvincialUnit, Name = "自治区复核" },
            ],
        },
    };
}

/// <summary>A round, the applicant authority's user and the users of the reviewing authorities above it.</summary>
public sealed record RoundChain(Campaign Round, PortalUser Applicant, PortalUser Province, PortalUser? Prefecture)
{
    public Organisation ApplicantOrganisation => Applicant.Organisation!;
    public Organisation ProvinceOrganisation => Province.Organisation!;
}
