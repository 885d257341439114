using System.Globalization;
using System.Net;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Admin;

[Collection(PortalCollection.Name)]
public class AuditPageTests(PortalHost portal)
{
    [Fact]
    public async Task The_admin_opens_the_audit_check_from_the_navigation_and_sees_the_chain_intact()
    {
        using var admin = portal.NewClient();
        await admin.SignInAsync("admin"); // writes an audit entry, so the chain is not empty

        var home = await admin.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("nav a[href='/Admin/Audit']"));
        var page = await admin.GetDocumentAsync("/Admin/Audit");

        Assert.NotNull(page.QuerySelector("#audit-chain-intact"));
        Assert.Null(page.QuerySelector("#audit-chain-broken"));
        Assert.True(long.Parse(page.QuerySelector("#audit-entries")!.TextContent, CultureInfo.InvariantCulture) > 0);
        Assert.Matches("^[0-9a-f]{64}$", page.QuerySelector("#audit-head")!.TextContent);
    }

    [Fact]
    public async Task Only_administrators_may_open_the_audit_check()
    {
        using var reviewer = portal.NewClient();
        await reviewer.SignInAsync("reviewer.guangdong");

        using var response = await reviewer.Http.GetAsync(new Uri("/Admin/Audit", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
