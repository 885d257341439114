using System.Net;
using Microsoft.AspNetCore.Hosting;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Publication;

/// <summary>The portal with a low limit on public posts, on a database of its own so no other test shares its window.</summary>
public sealed class RateLimitedPortalHost : PortalHost
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicPostsPerHour", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class ObjectionRateLimitTests(RateLimitedPortalHost host) : IClassFixture<RateLimitedPortalHost>
{
    [Fact]
    public async Task Posts_to_the_public_page_beyond_the_hourly_limit_per_address_are_refused_with_429_and_nothing_is_saved()
    {
        host.Clock.Set(ChinaTime.At(2026, 11, 30, 10));
        var round = await host.RoundAtMinistryAsync(1);
        using var ministry = host.NewClient();
        await ministry.SignInAsync(round.Ministry.UserName!);
        await ministry.PublishAsync(round, 1, new DateOnly(2026, 12, 1));
        host.Clock.Set(ChinaTime.At(2026, 12, 2, 10));

        using var visitor = host.NewClient();
        var url = $"/Public/Lists/{round.CampaignId}";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedPortalHost.Limit; i++)
        {
            // Empty objections: refused by validation, but each still counts as a post from this address.
            using var response = await visitor.SubmitAsync(url, new Dictionary<string, string> { ["Text"] = "" }, "#objection-form");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("提交过于频繁", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, RateLimitedPortalHost.Limit).Append(HttpStatusCode.TooManyRequests), statuses);
        // Reading the page is never limited.
        Assert.NotNull((await visitor.GetDocumentAsync(url)).QuerySelector("#objection-form"));
    }
}
