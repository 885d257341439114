namespace SmeZones.Web.Pages.Shared;

/// <summary>
/// Page links of a paged list (_Pager): plain links carrying the list's filters, so paging works without JavaScript.
/// <paramref name="Url"/> gives the list's URL for a page number.
/// </summary>
public sealed record Pager(int Page, int Pages, int Total, Func<int, string?> Url)
{
    /// <summary>The page numbers offered: the first, the last and two either side of the current one; 0 marks a gap.</summary>
    public IReadOnlyList<int> Numbers()
    {
        var shown = Enumerable.Range(1, Pages).Where(n => n == 1 || n == Pages || Math.Abs(n - Page) <= 2).ToList();
        var numbers = new List<int>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1)
            {
                numbers.Add(0);
            }
            numbers.Add(shown[i]);
        }
        return numbers;
    }
}
