using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Operations;

/// <summary>The request log as an operator reads it: the compact JSON file written when Portal:LogFile is set.</summary>
[Collection(PortalCollection.Name)]
public class RequestLogTests(PortalHost host)
{
    [Fact]
    public async Task Each_request_is_one_json_event_with_the_status_sent_the_user_the_organisation_and_the_request_id()
    {
        var folder = Directory.CreateTempSubdirectory("smz-log-");
        try
        {
            var missingPath = $"/Applications/{Guid.NewGuid()}";
            string notFoundPage;
            // A host of its own, on the same database, so that only this test writes the file and at information level.
            using (var logged = host.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:LogFile"] = Path.Combine(folder.FullName, "portal-.log"),
                ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
            }))))
            using (var client = new PortalClient(logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })))
            {
                await client.SignInAsync("applicant.foshan");
                using var list = await client.Http.GetAsync(new Uri("/Applications", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
                // Not found in the handler, then rendered by the status-code page: the log must say 404, not the error page's 200.
                using var missing = await client.Http.GetAsync(new Uri(missingPath, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                notFoundPage = await missing.Content.ReadAsStringAsync();
            }
            Assert.Contains("页面不存在", notFoundPage, StringComparison.Ordinal);

            int organisationId;
            await using (var db = host.NewDbContext())
            {
                organisationId = await db.Users.Where(u => u.UserName == "applicant.foshan").Select(u => u.OrganisationId).SingleAsync();
            }
            var events = File.ReadAllLines(Assert.Single(Directory.GetFiles(folder.FullName)))
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Where(e => e.TryGetProperty("RequestPath", out _))
                .ToList();

            var listed = Assert.Single(events, e => Text(e, "RequestPath") == "/Applications");
            var notFound = Assert.Single(events, e => Text(e, "RequestPath") == missingPath);
            Assert.Equal(200, listed.GetProperty("StatusCode").GetInt32());
            Assert.Equal(404, notFound.GetProperty("StatusCode").GetInt32());
            foreach (var e in new[] { listed, notFound })
            {
                Assert.Equal("GET", Text(e, "RequestMethod"));
                Assert.Equal("applicant.foshan", Text(e, "UserName"));
                Assert.Equal(organisationId.ToString(CultureInfo.InvariantCulture), Text(e, "OrganisationId"));
                Assert.False(string.IsNullOrEmpty(Text(e, "RequestId")));
                Assert.True(e.TryGetProperty("@t", out _) && e.TryGetProperty("@mt", out _), "compact JSON carries the time and the message template");
            }
            Assert.NotEqual(Text(listed, "RequestId"), Text(notFound, "RequestId"));
            var signIn = Assert.Single(events, e => Text(e, "RequestPath") == "/Account/Login" && Text(e, "RequestMethod") == "POST");
            Assert.Equal(302, signIn.GetProperty("StatusCode").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;
}
