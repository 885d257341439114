using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Commands;

/// <summary>
/// Demo organisations, accounts and rounds for trying the whole cycle locally. Development only; runs once.
/// Demo rounds are JSON files (Commands/DemoRounds) made by the create-round path; they close 60 days after seeding.
/// </summary>
public static class DemoData
{
    public const string Password = "SmeZones#2026";
    public const string MinistryName = "工业和信息化部中小企业局";

    private static readonly (string Name, OrganisationLevel Level, string? Region)[] Organisations =
    [
        (MinistryName, OrganisationLevel.Ministry, null),
        ("北京市经济和信息化局", OrganisationLevel.ProvincialUnit, "110000"),
        ("广东省工业和信息化厅", OrganisationLevel.ProvincialUnit, "440000"),
        ("四川省经济和信息化厅", OrganisationLevel.ProvincialUnit, "510000"),
        ("深圳市工业和信息化局", OrganisationLevel.ProvincialUnit, "440300"),
        ("新疆维吾尔自治区工业和信息化厅", OrganisationLevel.ProvincialUnit, "650000"),
        ("昌吉回族自治州工业和信息化局", OrganisationLevel.Prefecture, "652300"),
        ("佛山市工业和信息化局", OrganisationLevel.Prefecture, "440600"),
        ("成都市经济和信息化局", OrganisationLevel.Prefecture, "510100"),
        ("佛山市南海区经济促进局", OrganisationLevel.County, "440605"),
        ("深圳市南山区工业和信息化局", OrganisationLevel.County, "440305"),
        ("昌吉市工业和信息化局", OrganisationLevel.County, "652301"),
    ];

    private static readonly (string UserName, string DisplayName, string Role, string Organisation)[] Users =
    [
        ("admin", "系统管理员", Roles.Admin, MinistryName),
        ("ministry", "中小企业局 审核员", Roles.Ministry, MinistryName),
        ("expert1", "评审专家（广东）", Roles.Expert, "广东省工业和信息化厅"),
        ("expert2", "评审专家（北京）", Roles.Expert, "北京市经济和信息化局"),
        ("expert3", "评审专家（四川）", Roles.Expert, "四川省经济和信息化厅"),
        ("reviewer.guangdong", "广东省 审核员", Roles.Reviewer, "广东省工业和信息化厅"),
        ("reviewer.sichuan", "四川省 审核员", Roles.Reviewer, "四川省经济和信息化厅"),
        ("reviewer.shenzhen", "深圳市 审核员", Roles.Reviewer, "深圳市工业和信息化局"),
        ("reviewer.xinjiang", "新疆维吾尔自治区 审核员", Roles.Reviewer, "新疆维吾尔自治区工业和信息化厅"),
        ("reviewer.changji", "昌吉回族自治州 审核员", Roles.Reviewer, "昌吉回族自治州工业和信息化局"),
        ("applicant.foshan", "佛山市 填报员", Roles.Applicant, "佛山市工业和信息化局"),
        ("applicant.chengdu", "成都市 填报员", Roles.Applicant, "成都市经济和信息化局"),
        ("applicant.nanhai", "南海区 填报员", Roles.Applicant, "佛山市南海区经济促进局"),
        ("applicant.nanshan", "南山区 填报员", Roles.Applicant, "深圳市南山区工业和信息化局"),
        ("applicant.changjishi", "昌吉市 填报员", Roles.Applicant, "昌吉市工业和信息化局"),
    ];

    /// <summary>The demo authorities' names: the web tests prove they rest on none of them.</summary>
    public static IReadOnlyList<string> OrganisationNames => [.. Organisations.Select(o => o.Name)];

    /// <summary>The demo accounts' user names: the web tests prove they sign in as none of them.</summary>
    public static IReadOnlyList<string> UserNames => [.. Users.Select(u => u.UserName)];

    /// <returns>false when the demo data were already there.</returns>
    public static async Task<bool> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Name == MinistryName))
        {
            return false;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await AdminCommands.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());

        var organisations = Organisations.ToDictionary(
            o => o.Name, o => new Organisation { Name = o.Name, Level = o.Level, RegionCode = o.Region, CreatedAt = now });
        db.Organisations.AddRange(organisations.Values);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (userName, displayName, role, organisation) in Users)
        {
            var user = new PortalUser { UserName = userName, DisplayName = displayName, OrganisationId = organisations[organisation].Id, CreatedAt = now };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }

        foreach (var round in DemoRounds(now))
        {
            var created = await RoundSetup.CreateAsync(db, round, Actor.System, now);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo round {round.Name}: {string.Join("; ", created.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
            }
        }
        await DemoMinistryRound.SeedAsync(db, now);
        await SeedExpertPoolAsync(db, now);
        return true;
    }

    /// <summary>
    /// The demo experts in the 专家库, and the zone round's expert settings sized to them: three experts, one of them
    /// from 广东, so a 广东 application shows 回避 at work (two can be drawn for it).
    /// </summary>
    private static async Task SeedExpertPoolAsync(PortalDbContext db, DateTimeOffset now)
    {
        (string User, string WorkUnit, string Province, string[] Fields)[] experts =
        [
            ("expert1", "中山大学", "440000", ["国际合作", "产业经济"]),
            ("expert2", "中国社会科学院", "110000", ["国际合作", "区域经济"]),
            ("expert3", "四川大学", "510000", ["产业经济", "中小企业"]),
        ];
        foreach (var (userName, workUnit, province, fields) in experts)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            db.ExpertProfiles.Add(new ExpertProfile { UserId = user.Id, WorkUnit = workUnit, ProvincialUnitCode = province, Fields = [.. fields], UpdatedAt = now });
        }
        foreach (var campaign in await db.Campaigns.Where(c => c.Programme != Programme.ClusterReview).ToListAsync())
        {
            db.ExpertReviewSettings.Add(new ExpertReviewSettings { CampaignId = campaign.Id, ExpertsPerApplication = 2, ReservesPerApplication = 1, UpdatedAt = now });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The rounds in Commands/DemoRounds/*.json, opening now and closing 60 days on (stages 15 days apart after that),
    /// so a fresh demo is always open whatever day it is seeded.
    /// </summary>
    public static IEnumerable<RoundDefinition> DemoRounds(DateTimeOffset now)
    {
        var assembly = typeof(DemoData).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".DemoRounds.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var round = RoundDefinition.FromJson(reader.ReadToEnd());
            round.OpensAt ??= RoundDefinition.FormatTime(now);
            round.ClosesAt ??= RoundDefinition.FormatTime(now.AddDays(60));
            for (var i = 0; i < round.Stages.Count; i++)
            {
                round.Stages[i].Deadline ??= RoundDefinition.FormatTime(now.AddDays(60 + 15 * (i + 1)));
            }
            yield return round;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
