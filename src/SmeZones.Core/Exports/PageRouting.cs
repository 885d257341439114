using Microsoft.Playwright;

namespace SmeZones.Core.Exports;

/// <summary>
/// Decides every request a document's page makes. Application data ends up in the HTML, so a hostile value
/// (an &lt;img&gt; or CSS url() pointing at an internal address) must never make the server fetch anything:
/// the document itself is answered from memory, <c>data:</c>/<c>about:</c> URLs load, and every other
/// request is aborted at once (so a blocked image never delays the print).
/// </summary>
internal sealed class PageRouting
{
    /// <summary>Where the document lives when the caller gives no base URL; .invalid never resolves.</summary>
    private const string DefaultDocumentUrl = "http://print.smezones.invalid/document";

    // Second line of defence should a route ever be missed: the document may not run scripts or load
    // anything but inline styles and data: URLs. Chromium's footer template is not governed by it.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

    private readonly string _html;
    private int _documentServed;

    public PageRouting(string html, Uri? baseUrl)
    {
        _html = html;
        DocumentUrl = baseUrl?.GetLeftPart(UriPartial.Query) ?? DefaultDocumentUrl;
    }

    /// <summary>Routing of a page between two documents: serves nothing, so a late refresh of the last one goes nowhere.</summary>
    public static PageRouting Closed() => new(string.Empty, null) { _documentServed = 1 };

    /// <summary>The address to navigate to; relative links in the document resolve against it.</summary>
    public string DocumentUrl { get; }

    public Task HandleAsync(IRoute route)
    {
        var request = route.Request;
        var url = request.Url;

        // Only the first top-level navigation gets the document; a meta refresh or link back to it does not.
        if (request.IsNavigationRequest && request.Frame.ParentFrame is null
            && string.Equals(url, DocumentUrl, StringComparison.Ordinal)
            && Interlocked.Exchange(ref _documentServed, 1) == 0)
        {
            return route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = ContentSecurityPolicy },
                Body = _html,
            });
        }

        // Any other navigation (a meta refresh, say) is answered "204 No Content", on which the browser stays on
        // the document; aborting it instead would swap in an error page and make printing fail.
        if (request.IsNavigationRequest)
        {
            return route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase))
        {
            return route.ContinueAsync();
        }

        return route.AbortAsync("blockedbyclient");
    }
}
