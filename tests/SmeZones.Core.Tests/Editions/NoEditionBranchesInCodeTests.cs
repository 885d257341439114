using System.Text.RegularExpressions;

namespace SmeZones.Core.Tests.Editions;

/// <summary>
/// ADR 0036: which form edition or programme is being read is data (the edition's declaration), so no C# outside
/// the criteria editions names a form edition or branches on the programme. This scans the source, so a new branch
/// fails here, naming the file and line.
/// </summary>
public partial class NoEditionBranchesInCodeTests
{
    // A form or criteria edition key as a literal: "zone-2026", "cluster-2024", "cluster-review-xj".
    [GeneratedRegex("\"(?:zone|cluster)-(?:\\d{4}|review-[a-z]+)\"")]
    private static partial Regex EditionKeyLiteral();

    // A branch on the programme: Programme.Zone / .Cluster / .ClusterReview, or a switch expression over a programme.
    [GeneratedRegex(@"\bProgramme\.(?:Zone|Cluster|ClusterReview)\b|\b[Pp]rogramme\s+switch\b")]
    private static partial Regex ProgrammeBranch();

    // Naming a criteria edition's class outside Assessment is branching on it by another name.
    [GeneratedRegex(@"\b(?:Zone2024|Cluster2022|ClusterReviewXj)Criteria\b")]
    private static partial Regex CriteriaClass();

    /// <summary>Where naming an edition or programme is the point, each with why.</summary>
    private static readonly (string Path, string Why)[] Allowed =
    [
        // The criteria editions are rules written in C# (issue 10: "criteria editions stay C#"), keyed by their own key.
        ("src/SmeZones.Core/Assessment/", "criteria editions"),
        // Demo data chooses which edition and programme its demo round uses: that choice is the data.
        ("src/SmeZones.Web/Commands/DemoMinistryRound.cs", "demo round's choice of edition"),
        // Demo data chooses which demo rounds get expert review settings (not the provincial 复核).
        ("src/SmeZones.Web/Commands/DemoData.cs", "demo data's choice of rounds"),
        // Demo registry entries say which programme each demo zone or cluster belongs to: that is the data.
        ("src/SmeZones.Web/Commands/DemoRegistry.cs", "demo entries' programmes"),
    ];

    [Fact]
    public void No_code_outside_the_criteria_editions_names_a_form_edition_or_branches_on_the_programme()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"the scan found only {files.Count} source files under {root}");

        var violations = files.Where(f => !Allowed.Any(a => f.StartsWith(a.Path, StringComparison.Ordinal)))
            .SelectMany(f => Violations(f, File.ReadAllText(Path.Combine(root, f))))
            .ToList();

        Assert.True(violations.Count == 0, "Edition or programme named in code (declare it in the edition instead, ADR 0036):\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("var e = \"zone-2026\";")]
    [InlineData("if (key == \"cluster-review-xj\")")]
    [InlineData("if (definition.Programme == Programme.Zone)")]
    [InlineData("var words = programme switch { _ => \"\" };")]
    [InlineData("assessment.CriteriaEditionKey == Zone2024Criteria.EditionKey")]
    public void The_scan_finds_each_kind_of_branch(string line) => Assert.Single(Violations("x.cs", line));

    [Theory]
    [InlineData("var words = campaign.Programme.ToChinese();")]
    [InlineData("/// <summary>e.g. zone-2026</summary>")]
    [InlineData("definition.Declared().Criteria == Key")]
    public void Reading_the_declaration_is_not_a_branch(string line) => Assert.Empty(Violations("x.cs", line));

    private static IEnumerable<string> Violations(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (EditionKeyLiteral().IsMatch(lines[i]) || ProgrammeBranch().IsMatch(lines[i]) || CriteriaClass().IsMatch(lines[i]))
            {
                yield return $"{path}:{i + 1}: {lines[i].Trim()}";
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmeZones.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SmeZones.sln not found above " + AppContext.BaseDirectory);
    }
}
