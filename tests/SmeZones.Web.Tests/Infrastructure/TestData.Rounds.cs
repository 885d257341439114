using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Commands;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A new open round of the programme, made from the demo round's definition (Commands/DemoRounds) through the one
    /// round set-up path (<see cref="RoundSetup"/>), uniquely named, e.g. "2026年度中外中小企业合作区推荐（测试3f2a9c1d）".
    /// National rounds are organised by a new ministry authority unless one is given; the 新疆 re-review by a new 新疆 authority.
    /// </summary>
    public async Task<Campaign> CreateRoundAsync(Programme programme, Organisation? organiser = null)
    {
        organiser ??= programme == Programme.ClusterReview
            ? await CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "650000")
            : await CreateOrganisationAsync(OrganisationLevel.Ministry, null);
        var now = host.Clock.GetUtcNow();
        var definition = DemoData.DemoRounds(now.AddDays(-1)).Single(r => r.Programme == programme.ToString());
        definition.Name += $"（测试{Unique()}）";
        definition.Organiser = organiser.Name;
        await using var db = host.NewDbContext();
        var created = await RoundSetup.CreateAsync(db, definition, Actor.System, now);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }
        return created.Campaign!;
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
}

/// <summary>A round, the applicant authority's user and the users of the reviewing authorities above it.</summary>
public sealed record RoundChain(Campaign Round, PortalUser Applicant, PortalUser Province, PortalUser? Prefecture)
{
    public Organisation ApplicantOrganisation => Applicant.Organisation!;
    public Organisation ProvinceOrganisation => Province.Organisation!;
}
