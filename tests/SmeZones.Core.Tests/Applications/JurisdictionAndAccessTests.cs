using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Applications;

/// <summary>The jurisdiction codes an application carries, from the applicant's region; no database needed.</summary>
public class JurisdictionOfTests
{
    [Fact]
    public void A_district_of_a_prefecture_city_answers_to_that_city_and_its_province()
    {
        Assert.Equal(new Jurisdiction("440605", "440600", "440000"), Jurisdiction.Of("440605")); // 佛山市南海区
    }

    [Fact]
    public void A_district_of_a_separately_planned_city_answers_to_that_city_as_prefecture_and_provincial_unit()
    {
        Assert.Equal(new Jurisdiction("440305", "440300", "440300"), Jurisdiction.Of("440305")); // 深圳市南山区
    }

    [Fact]
    public void A_county_level_city_of_an_autonomous_prefecture_answers_to_the_prefecture_and_the_region()
    {
        Assert.Equal(new Jurisdiction("652301", "652300", "650000"), Jurisdiction.Of("652301")); // 昌吉回族自治州昌吉市
    }

    [Fact]
    public void A_prefecture_is_its_own_prefecture()
    {
        Assert.Equal(new Jurisdiction("440600", "440600", "440000"), Jurisdiction.Of("440600")); // 佛山市
        Assert.Equal(new Jurisdiction("440300", "440300", "440300"), Jurisdiction.Of("440300")); // 深圳市
    }

    [Fact]
    public void A_county_directly_under_its_province_stands_as_its_own_prefecture()
    {
        Assert.Equal(new Jurisdiction("419001", "419001", "410000"), Jurisdiction.Of("419001")); // 济源市
    }

    [Fact]
    public void A_district_of_a_municipality_answers_to_the_municipality_row()
    {
        Assert.Equal(new Jurisdiction("110105", "110100", "110000"), Jurisdiction.Of("110105")); // 北京市朝阳区
    }

    [Fact]
    public void An_unknown_region_code_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Jurisdiction.Of("999999"));
    }
}

/// <summary>
/// Which applications a viewer reaches: <see cref="ApplicationAccess.VisibleTo"/> run as SQL against a real database.
/// </summary>
public class ApplicationAccessTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task An_applicant_sees_all_of_its_own_organisations_applications_and_nothing_else()
    {
        var world = await SeedAsync();

        Assert.Equal(
            Sorted("P nanhai returned", "P nanhai submitted", "F nanhai at prefecture", "N nanhai at ministry"),
            await VisibleAsync(world, ViewerOf(world.Nanhai, Roles.Applicant)));
        Assert.Equal(
            Sorted("P shunde draft", "P shunde forwarded", "F shunde at province"),
            await VisibleAsync(world, ViewerOf(world.Shunde, Roles.Applicant)));
    }

    [Fact]
    public async Task Guangdong_sees_foshans_applications_that_reached_its_stage_but_not_shenzhens_drafts_or_other_chains()
    {
        var world = await SeedAsync();

        // Not: 顺德's draft (never submitted), 南山 (深圳 recommends on its own), 南海 in the prefecture-led campaign
        // (still at the prefecture stage), 南海 in the campaign without a provincial stage, anything in 新疆.
        Assert.Equal(
            Sorted("P nanhai returned", "P nanhai submitted", "P shunde forwarded", "F shunde at province"),
            await VisibleAsync(world, ViewerOf(world.Guangdong, Roles.Reviewer)));
    }

    [Fact]
    public async Task Shenzhen_sees_its_own_districts_applications_only()
    {
        var world = await SeedAsync();

        Assert.Equal(Sorted("P nanshan submitted"), await VisibleAsync(world, ViewerOf(world.Shenzhen, Roles.Reviewer)));
    }

    [Fact]
    public async Task A_prefecture_reviewer_sees_its_counties_applications_in_campaigns_with_a_prefecture_stage()
    {
        var world = await SeedAsync();

        // Not 昌吉市's application in the provincial campaign (no prefecture stage there), nor its draft.
        Assert.Equal(Sorted("F changji submitted"), await VisibleAsync(world, ViewerOf(world.Changji, Roles.Reviewer)));
    }

    [Fact]
    public async Task A_provincial_reviewer_does_not_see_an_application_still_at_an_earlier_stage()
    {
        var world = await SeedAsync();

        // 新疆 is stage 1 in the provincial campaign but stage 2 in the prefecture-led one, which 昌吉市's has not reached.
        Assert.Equal(Sorted("P changji submitted"), await VisibleAsync(world, ViewerOf(world.Xinjiang, Roles.Reviewer)));
    }

    [Fact]
    public async Task The_ministry_sees_every_application_except_drafts()
    {
        var world = await SeedAsync();

        Assert.Equal(
            Sorted([.. world.Applications.Keys.Except(["P shunde draft", "F changji draft"])]),
            await VisibleAsync(world, ViewerOf(world.Ministry, Roles.Ministry)));
    }

    [Fact]
    public async Task An_expert_without_assignments_sees_nothing()
    {
        var world = await SeedAsync();

        Assert.Empty(await VisibleAsync(world, ViewerOf(world.Ministry, Roles.Expert)));
        Assert.Empty(await VisibleAsync(world, ViewerOf(world.Nanhai, Roles.Expert)));
    }

    [Fact]
    public async Task A_viewer_without_roles_sees_nothing()
    {
        var world = await SeedAsync();

        Assert.Empty(await VisibleAsync(world, ViewerOf(world.Guangdong)));
    }

    // ---- the seeded world ----

    private sealed record World(
        Organisation Ministry, Organisation Guangdong, Organisation Shenzhen, Organisation Xinjiang, Organisation Changji,
        Organisation Nanhai, Organisation Shunde, Organisation Nanshan, Organisation ChangjiCity,
        Dictionary<string, Guid> Applications);

    /// <summary>
    /// Three campaigns with different review chains and applications from 佛山 (南海, 顺德), 深圳 (南山) and 昌吉市
    /// at different points. Labels: P = provincial campaign (1 ProvincialUnit, 2 Ministry), F = prefecture-led
    /// (1 Prefecture, 2 ProvincialUnit, 3 Ministry), N = no provincial stage (1 Prefecture, 2 Ministry).
    /// </summary>
    private async Task<World> SeedAsync()
    {
        var ministry = TestData.Organisation("工业和信息化部", OrganisationLevel.Ministry, null);
        var guangdong = TestData.Organisation("广东省工业和信息化厅", OrganisationLevel.ProvincialUnit, "440000");
        var shenzhen = TestData.Organisation("深圳市中小企业服务局", OrganisationLevel.ProvincialUnit, "440300");
        var xinjiang = TestData.Organisation("新疆维吾尔自治区工业和信息化厅", OrganisationLevel.ProvincialUnit, "650000");
        var changji = TestData.Organisation("昌吉回族自治州工业和信息化局", OrganisationLevel.Prefecture, "652300");
        var nanhai = TestData.Organisation("佛山市南海区经济促进局", OrganisationLevel.County, "440605");
        var shunde = TestData.Organisation("佛山市顺德区经济和科技促进局", OrganisationLevel.County, "440606");
        var nanshan = TestData.Organisation("深圳市南山区工业和信息化局", OrganisationLevel.County, "440305");
        var changjiCity = TestData.Organisation("昌吉市工业和信息化局", OrganisationLevel.County, "652301");

        var provincial = TestData.Campaign(ministry, (1, OrganisationLevel.ProvincialUnit), (2, OrganisationLevel.Ministry));
        var prefectureLed = TestData.Campaign(
            ministry, (1, OrganisationLevel.Prefecture), (2, OrganisationLevel.ProvincialUnit), (3, OrganisationLevel.Ministry));
        var noProvincial = TestData.Campaign(ministry, (1, OrganisationLevel.Prefecture), (2, OrganisationLevel.Ministry));
        // One round in progress per organiser, programme and year: the three are of different years.
        prefectureLed.Year = 2027;
        noProvincial.Year = 2028;

        var applications = new Dictionary<string, Application>
        {
            ["P nanhai submitted"] = TestData.Application(provincial, nanhai, ApplicationStatus.Submitted, reachedStage: 1),
            ["P nanhai returned"] = TestData.Application(provincial, nanhai, ApplicationStatus.Returned, reachedStage: 1),
            ["P shunde draft"] = TestData.Application(provincial, shunde),
            ["P shunde forwarded"] = TestData.Application(provincial, shunde, ApplicationStatus.Submitted, reachedStage: 2),
            ["P nanshan submitted"] = TestData.Application(provincial, nanshan, ApplicationStatus.Submitted, reachedStage: 1),
            ["P changji submitted"] = TestData.Application(provincial, changjiCity, ApplicationStatus.Submitted, reachedStage: 1),
            ["F changji submitted"] = TestData.Application(prefectureLed, changjiCity, ApplicationStatus.Submitted, reachedStage: 1),
            ["F changji draft"] = TestData.Application(prefectureLed, changjiCity),
            ["F nanhai at prefecture"] = TestData.Application(prefectureLed, nanhai, ApplicationStatus.Submitted, reachedStage: 1),
            ["F shunde at province"] = TestData.Application(prefectureLed, shunde, ApplicationStatus.Submitted, reachedStage: 2),
            ["N nanhai at ministry"] = TestData.Application(noProvincial, nanhai, ApplicationStatus.Submitted, reachedStage: 2),
        };

        await using var db = fixture.CreateContext();
        db.Organisations.AddRange(guangdong, shenzhen, xinjiang, changji);
        db.Applications.AddRange(applications.Values);
        await db.SaveChangesAsync();

        return new World(
            ministry, guangdong, shenzhen, xinjiang, changji, nanhai, shunde, nanshan, changjiCity,
            applications.ToDictionary(a => a.Key, a => a.Value.Id));
    }

    private static List<string> Sorted(params string[] labels) => [.. labels.Order(StringComparer.Ordinal)];

    private static Viewer ViewerOf(Organisation organisation, params string[] roles) =>
        new(Guid.NewGuid(), organisation.Id, organisation.Level, organisation.RegionCode, roles.ToHashSet());

    /// <summary>
    /// The labels of this world's applications the viewer can reach, sorted; other tests' rows are ignored. Asked both
    /// ways a page asks: as a list (the rule bound into the query) and one by one through the section pages' compiled
    /// read (the rule's viewer as the query's parameters, ADR 0091), which must agree.
    /// </summary>
    private async Task<List<string>> VisibleAsync(World world, Viewer viewer)
    {
        var ours = world.Applications.Values.ToList();
        await using var db = fixture.CreateContext();
        var ids = await db.Applications.VisibleTo(viewer).Where(a => ours.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        var readOneByOne = new List<Guid>();
        foreach (var id in ours)
        {
            if (await DraftRead.FindVisibleAsync(db, viewer, id) is not null)
            {
                readOneByOne.Add(id);
            }
        }
        Assert.Equal(ids.Order(), readOneByOne.Order());
        var labels = world.Applications.ToDictionary(a => a.Value, a => a.Key);
        return [.. ids.Select(id => labels[id]).Order(StringComparer.Ordinal)];
    }
}
