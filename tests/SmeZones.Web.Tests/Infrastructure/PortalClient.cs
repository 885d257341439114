using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: keeps cookies, reads pages with AngleSharp, posts forms with their antiforgery token.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {url} gave {(int)response.StatusCode} {response.Headers.Location}");
        }
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>Submits the page's form (the one whose action or handler matches), as a browser without JavaScript would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string? formSelector = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = (IHtmlFormElement?)page.QuerySelector(formSelector ?? "main form")
            ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        // Like a browser: the form's hidden inputs (antiforgery token, version) go along unless the test sets them.
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is { } name && !fields.ContainsKey(name))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password = TestData.Password) =>
        await SubmitAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    public async Task SignInAsync(string userName, string password = TestData.Password)
    {
        using var response = await LoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }
    }

    public void Dispose() => Http.Dispose();
}
