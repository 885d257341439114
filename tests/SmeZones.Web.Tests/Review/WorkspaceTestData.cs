using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmeZones.Core.Applications;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>Submitted applications and form posts for the review workspace's tests; each application new and uniquely titled.</summary>
public static class WorkspaceTestData
{
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8];
    public static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0x00, .. "This program cannot be run in DOS mode."u8];

    /// <summary>A handful of zone answers: gates declared met, 170亿元 revenue, 12 foreign firms a year, one exchange activity ticked.</summary>
    public static Dictionary<string, string> ZoneAnswers(string title) => new(StringComparer.Ordinal)
    {
        ["basic.zoneName"] = title,
        ["basic.majorIncident"] = "no",
        ["basic.seriousMisconduct"] = "no",
        ["basic.withinPrefecture"] = "yes",
        ["basic.industrialPolicy"] = "yes",
        ["basic.clearBoundaries"] = "yes",
        ["revenue.total.y1"] = "150", ["revenue.total.y2"] = "160", ["revenue.total.y3"] = "170",
        ["revenue.smeShare.y1"] = "70", ["revenue.smeShare.y2"] = "70", ["revenue.smeShare.y3"] = "70",
        ["openness.foreignFirms.y1"] = "12", ["openness.foreignFirms.y2"] = "12", ["openness.foreignFirms.y3"] = "12",
        ["openness.exchange.marketExpansion"] = "true",
    };

    /// <summary>A unique title, so a test finds its own application among everyone else's.</summary>
    public static string UniqueTitle(string label) => $"{label}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A zone application of the chain's applicant, submitted with <see cref="ZoneAnswers"/>.</summary>
    public static Task<Application> SubmittedZoneAsync(this PortalHost host, RoundChain chain, string? title = null)
    {
        var name = title ?? UniqueTitle("佛山中德合作区");
        return host.TestData.CreateSubmittedApplicationAsync(chain.ApplicantOrganisation, chain.Round, ZoneAnswers(name), name);
    }

    /// <summary>Posts a form read earlier (its hidden fields, antiforgery token included) with these values, urlencoded.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this PortalClient client, string url, IDocument page, string formSelector, IDictionary<string, string> fields)
    {
        var form = (IHtmlFormElement?)page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}.");
        var values = Hidden(form).Where(v => !fields.ContainsKey(v.Key)).Concat(fields).ToList();
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Posts a site check as a browser does: multipart, the page's antiforgery token, the files under "attachments".</summary>
    public static async Task<HttpResponseMessage> PostSiteCheckAsync(
        this PortalClient client, Guid applicationId, IDictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var url = $"/Review/Applications/{applicationId}/SiteChecks";
        var page = await client.GetDocumentAsync(url);
        var form = (IHtmlFormElement?)page.QuerySelector("form.site-check-form") ?? throw new InvalidOperationException("No site check form.");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Hidden(form).Concat(fields))
        {
            content.Add(new StringContent(value), key);
        }
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "attachments", name);
        }
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of any page (every page has the sign-out form), for posts a page would not offer.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this PortalClient client) =>
        (await client.GetDocumentAsync("/Review")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static IEnumerable<KeyValuePair<string, string>> Hidden(IHtmlFormElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
}
