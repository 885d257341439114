namespace SmeZones.Web.Infrastructure;

/// <summary>Headers that keep the portal's pages from being framed, sniffed or loading anything from elsewhere.</summary>
public sealed class SecurityHeaders(RequestDelegate next, IConfiguration config)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Sent whenever users reach the portal over HTTPS (Portal:RequireHttps), whatever the scheme of the request as the
    /// portal sees it: behind a TLS proxy it sees plain HTTP. Browsers ignore the header on plain HTTP responses.
    /// Subdomains are left out: the portal may live under a government domain it does not own.
    /// </summary>
    private const string StrictTransportSecurity = "max-age=31536000";

    private readonly bool _requireHttps = config.GetValue("Portal:RequireHttps", false);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A page may set a stricter or more specific policy of its own (e.g. a hash for a print view's inline style).
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (_requireHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
