using System.Net;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Access;

[Collection(PortalCollection.Name)]
public class ProtectionTests(PortalHost host)
{
    [Fact]
    public async Task A_POST_without_the_antiforgery_token_is_refused()
    {
        var user = await host.TestData.CreateUserAsync(Roles.Applicant);
        using var client = host.NewClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user.UserName!, ["Password"] = TestData.Password });

        using var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("SmeZones.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_signed_in_POST_without_the_token_changes_nothing()
    {
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Admin));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "伪造单位", ["Form.Level"] = "Ministry" });

        using var response = await client.Http.PostAsync(new Uri("/Admin/Organisations/Edit", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.DoesNotContain(db.Organisations, o => o.Name == "伪造单位");
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/live")]
    public async Task Security_headers_are_on_every_response(string url)
    {
        using var client = host.NewClient();

        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only()
    {
        var user = await host.TestData.CreateUserAsync(Roles.Ministry);
        using var client = host.NewClient();

        using var response = await client.LoginAsync(user.UserName!);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SmeZones.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_signing_in(string url)
    {
        using var client = host.NewClient();

        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
