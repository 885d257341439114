using System.Runtime.CompilerServices;

namespace SmeZones.Web.Tests.Conventions;

/// <summary>
/// Issue 8 item 13: breadcrumbs differed from page to page. The layout draws the one breadcrumb (Shared/_Breadcrumb);
/// a page only names the pages above it (<c>ViewData.Breadcrumb(...)</c>). This fails when a page draws its own.
/// </summary>
public class OneBreadcrumbTests
{
    [Fact]
    public void Only_the_shared_partial_draws_a_breadcrumb()
    {
        var pages = Path.Combine(RepositoryDirectory(), "src", "SmeZones.Web", "Pages");
        var views = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.True(views.Count > 50, $"Expected the portal's pages under {pages}, found {views.Count}.");

        var drawing = views.Where(f => File.ReadAllText(f).Contains("面包屑", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(pages, f).Replace('\\', '/')).ToList();

        Assert.Equal(["Shared/_Breadcrumb.cshtml"], drawing);
    }

    private static string RepositoryDirectory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
