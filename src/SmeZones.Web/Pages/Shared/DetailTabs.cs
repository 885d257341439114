namespace SmeZones.Web.Pages;

/// <summary>One part of a long page, reached by its own link (<c>?tab=</c>), so it works without JavaScript.</summary>
/// <param name="Url">The part's address, with the fragment that brings the tab list into view.</param>
public sealed record DetailTab(string Key, string Title, string Url);

/// <summary>
/// The parts of an application's detail page and the one shown. Each part is a separate address rather than a script
/// tab panel: the page stays short, the back button and bookmarks work, and links are announced as links with
/// <c>aria-current</c> on the part shown, which needs no keyboard handling of its own.
/// </summary>
public sealed record DetailTabs(IReadOnlyList<DetailTab> Tabs, string Current)
{
    /// <summary>The id of the tab list, the fragment every tab's link carries.</summary>
    public const string Anchor = "detail-parts";

    public DetailTab Shown => Tabs.First(t => t.Key == Current);

    /// <summary>The tabs for these parts with <paramref name="requested"/> shown when it is one of them, else the first.</summary>
    public static DetailTabs For(IEnumerable<(string Key, string Title)> parts, string? requested, Func<string, string?> url)
    {
        var tabs = parts.Select(p => new DetailTab(p.Key, p.Title, $"{url(p.Key)}#{Anchor}")).ToList();
        return new DetailTabs(tabs, tabs.Any(t => t.Key == requested) ? requested! : tabs[0].Key);
    }
}
