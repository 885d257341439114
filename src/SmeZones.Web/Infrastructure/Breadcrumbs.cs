using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SmeZones.Web.Infrastructure;

/// <summary>A page above the current one in the breadcrumb: its words, its Razor page and route values.</summary>
public sealed record Crumb(string Text, string Page, IDictionary<string, string>? Route = null)
{
    /// <summary>A crumb to a page of one record, e.g. <c>Crumb.To("HZQ-2026-0001", "/Review/Applications/Detail", "id", a.Id)</c>.</summary>
    /// <remarks>A null value (e.g. no round chosen yet) links to the page without it.</remarks>
    public static Crumb To(string text, string page, string routeKey, object? routeValue) =>
        new(text, page, routeValue is null ? null : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [routeKey] = Convert.ToString(routeValue, CultureInfo.InvariantCulture) ?? string.Empty,
        });
}

/// <summary>
/// The one breadcrumb of the portal: 首页 › the pages above › this page. The layout draws it (Shared/_Breadcrumb) on
/// every page but the home page; a page names only the pages above it and, when its title is not the words wanted,
/// its own words.
/// </summary>
public static class Breadcrumbs
{
    private const string ParentsKey = "Breadcrumb.Parents";
    private const string CurrentKey = "Breadcrumb.Current";

    /// <summary>The pages above this one (home first is implied), and this page's words (its title when null).</summary>
    public static void Breadcrumb(this ViewDataDictionary viewData, string? current, params Crumb[] parents)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[ParentsKey] = parents;
        viewData[CurrentKey] = current;
    }

    public static IReadOnlyList<Crumb> BreadcrumbParents(this ViewDataDictionary viewData) =>
        viewData?[ParentsKey] as IReadOnlyList<Crumb> ?? [];

    public static string? BreadcrumbCurrent(this ViewDataDictionary viewData) =>
        viewData?[CurrentKey] as string ?? viewData?["Title"] as string;
}
