using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmeZones.Web.Commands;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Conventions;

/// <summary>
/// Web tests make their own data with the builders (ADR 0019); the demo seed is for `make run` and the browser
/// journeys only. These tests fail as soon as a web test seeds it, signs in as a demo account or looks a demo
/// authority up by name.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class NoDemoDataTests(PortalHost host)
{
    [Fact]
    public async Task The_test_database_holds_no_demo_authority_or_account()
    {
        await using var db = host.NewDbContext();
        var organisations = DemoData.OrganisationNames.ToList();
        var users = DemoData.UserNames.ToList();

        Assert.Empty(await db.Organisations.Where(o => organisations.Contains(o.Name)).Select(o => o.Name).ToListAsync());
        Assert.Empty(await db.Users.Where(u => users.Contains(u.UserName!)).Select(u => u.UserName).ToListAsync());
    }

    [Fact]
    public void No_web_test_source_seeds_the_demo_data_signs_in_as_a_demo_account_or_looks_an_authority_up_by_name()
    {
        var sources = Directory.EnumerateFiles(ProjectDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != Path.GetFileName(ThisFile()))
            .ToList();
        Assert.True(sources.Count > 50, $"Expected the web tests' sources under {ProjectDirectory()}, found {sources.Count} files.");

        var findings = sources.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => Offence(l.line) is not null)
            .Select(l => $"{Path.GetRelativePath(ProjectDirectory(), l.file)}:{l.number}: {Offence(l.line)}")
            .ToList();

        Assert.True(findings.Count == 0, "Web tests resting on the demo data:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("await DemoData.SeedAsync(scope.ServiceProvider);")]
    [InlineData("await client.SignInAsync(\"reviewer.guangdong\");")]
    [InlineData("using var client = await host.SignedInAsync(\"expert1\");")]
    [InlineData("var foshan = db.Organisations.Single(o => o.Name == \"佛山市工业和信息化局\");")]
    [InlineData("var ministry = await db.Organisations.SingleAsync(o => o.Name == DemoData.MinistryName);")]
    public void The_scan_catches_each_kind_of_demo_dependency(string line) => Assert.NotNull(Offence(line));

    [Theory]
    [InlineData("var definition = DemoData.DemoRounds(now).Single(r => r.Programme == \"Zone\");")] // the programme's round definitions, not the seed
    [InlineData("[\"Portal:Organiser\"] = \"新疆维吾尔自治区工业和信息化厅\",")] // an authority's name as configuration or printed text, not looked up
    [InlineData("await client.SignInAsync(user.UserName!);")]
    [InlineData("Assert.Contains(\"广东省佛山市\", text);")] // region names come from the region catalogue
    public void The_scan_passes_what_is_not_demo_data(string line) => Assert.Null(Offence(line));

    /// <summary>What on this line rests on the demo seed, or null.</summary>
    private static string? Offence(string line)
    {
        if (DemoDataUse().Match(line) is { Success: true } use && use.Groups[1].Value != nameof(DemoData.DemoRounds))
        {
            return $"uses DemoData.{use.Groups[1].Value}";
        }
        if (DemoData.UserNames.FirstOrDefault(u => line.Contains($"\"{u}\"", StringComparison.Ordinal)) is { } account)
        {
            return $"names the demo account {account}";
        }
        return OrganisationByName().IsMatch(line) ? "looks an authority up by name" : null;
    }

    [GeneratedRegex(@"\bDemoData\.(\w+)")]
    private static partial Regex DemoDataUse();

    [GeneratedRegex(@"Organisations\.\w+\(\s*o\s*=>\s*o\.Name\s*==")]
    private static partial Regex OrganisationByName();

    private static string ProjectDirectory() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
