using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmeZones.Bench;

/// <summary>One signed-in browser without JavaScript: its own cookies, its own keep-alive connection, its own application.</summary>
internal sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress, string userName, Guid applicationId, CookieContainer? cookies = null, TimeSpan? timeout = null)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The bench only sends traffic to the loopback address, not {baseAddress.Host}.");
        }
        UserName = userName;
        ApplicationId = applicationId;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            // Shared with another client to act as one browser against two portal instances (bench/two-instances.sh).
            CookieContainer = cookies ?? new CookieContainer(),
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
    }

    public string UserName { get; }
    public Guid ApplicationId { get; }

    public string SectionPath(string key) => $"/Applications/{ApplicationId}/Sections/{key}";

    public async Task SignInAsync(string password)
    {
        var page = await _http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = UserName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Token(page),
        });
        using var response = await _http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {UserName} answered {(int)response.StatusCode}, not 302.");
        }
    }

    /// <summary>A GET, timed from sending to the last byte of the body.</summary>
    public async Task<(HttpStatusCode Status, string Body, double Ms)> GetAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task<(HttpStatusCode Status, byte[] Body, double Ms)> GetBytesAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A GET whose body is read in chunks and thrown away (a large download): status, bytes, ms.</summary>
    public async Task<(HttpStatusCode Status, long Bytes, double Ms)> DrainAsync(string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }
        return (response.StatusCode, bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A form POST, timed from sending to the last byte of the answer (a 302 after a save); no redirect followed.</summary>
    public async Task<(HttpStatusCode Status, string? Location, string Body, double Ms)> PostFormAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (response.StatusCode, response.Headers.Location?.OriginalString, body, ms);
    }

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No __RequestVerificationToken on the page.");

    public static string Version(string html) =>
        VersionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No Version field on the page.");

    /// <summary>What a browser would post from the section form: named controls, ticked boxes only, no buttons.</summary>
    public static List<KeyValuePair<string, string>> FormFields(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector("form.section-form") as IHtmlFormElement
            ?? throw new InvalidOperationException("No section form on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToUpperInvariant();
                    if (type is "SUBMIT" or "BUTTON" or "FILE" or "RESET" || (type is "CHECKBOX" or "RADIO" && !input.IsChecked))
                    {
                        continue;
                    }
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Names of the answer controls of the section form (its answer slots), and of its checkboxes.</summary>
    public static (IReadOnlyList<string> Slots, IReadOnlyList<string> Checkboxes) Controls(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector("form.section-form") as IHtmlFormElement
            ?? throw new InvalidOperationException("No section form on the page.");
        var slots = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>()
            .Where(n => n is not ("Version" or "__RequestVerificationToken" or "next")).Distinct().ToList();
        var boxes = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox" && !i.IsDisabled)
            .Select(i => i.Name).OfType<string>().Distinct().ToList();
        return (slots, boxes);
    }

    /// <summary>The section keys in the page's section list, in order.</summary>
    public IReadOnlyList<string> SectionKeys(string html)
    {
        var prefix = $"/Applications/{ApplicationId}/Sections/";
        var document = new HtmlParser().ParseDocument(html);
        // The section list links the current section and, on an editable draft, offers the others as "save and go"
        // buttons (name="go"); both name every section, in the form's order.
        var linked = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith(prefix, StringComparison.Ordinal)).Select(h => h[prefix.Length..]);
        var buttons = document.QuerySelectorAll("button[name='go'][value]").Select(b => b.GetAttribute("value")!);
        return linked.Concat(buttons).Distinct().ToList();
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
