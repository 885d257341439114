using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>Headers as a browser gets them from the real server (Kestrel on a socket, not the in-memory test server).</summary>
[Collection(PortalCollection.Name)]
public class ResponseHeaderTests(PortalHost host)
{
    [Fact]
    public async Task Kestrel_does_not_announce_itself_and_HSTS_is_sent_when_https_is_required()
    {
        await using var portal = new KestrelPortal(host.ConnectionString, requireHttps: true);
        portal.UseKestrel(0);
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.Equal("max-age=31536000", string.Join("", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task No_HSTS_when_https_is_not_required()
    {
        using var client = host.NewClient();

        using var response = await client.Http.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>A second instance of the portal on the test database, listening on a real port.</summary>
    private sealed class KestrelPortal(string connectionString, bool requireHttps) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Portal:RequireHttps", requireHttps ? "true" : "false");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" }));
        }
    }
}
