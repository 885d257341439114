using System.Net;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Access;

[Collection(PortalCollection.Name)]
public class AuthorizationMatrixTests(PortalHost host)
{
    private const string Ok = "ok";
    private const string Denied = "denied";

    // Every role against every area: the role's own areas open, every other area refused.
    public static TheoryData<string, string, string> Matrix()
    {
        var areas = new Dictionary<string, string[]>
        {
            ["/"] = ["admin", "ministry", "expert1", "reviewer.guangdong", "applicant.foshan"],
            ["/Account/ChangePassword"] = ["admin", "ministry", "expert1", "reviewer.guangdong", "applicant.foshan"],
            ["/Applications"] = ["applicant.foshan"],
            // Experts work on their assignments under /Experts, not in the reviewing authorities' workspace.
            ["/Review"] = ["ministry", "reviewer.guangdong"],
            ["/Experts"] = ["expert1"],
            ["/Ministry/Overview"] = ["ministry"],
            ["/Ministry/Applications"] = ["ministry"],
            ["/Ministry/Experts"] = ["ministry"],
            ["/Admin/Organisations"] = ["admin"],
            ["/Admin/Organisations/Edit"] = ["admin"],
            ["/Admin/Users"] = ["admin"],
            ["/Admin/Users/Edit"] = ["admin"],
        };
        string[] users = ["admin", "ministry", "expert1", "reviewer.guangdong", "applicant.foshan"];
        var data = new TheoryData<string, string, string>();
        foreach (var (area, allowed) in areas)
        {
            foreach (var user in users)
            {
                data.Add(user, area, allowed.Contains(user) ? Ok : Denied);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_own_areas(string user, string area, string expected)
    {
        using var client = host.NewClient();
        await client.SignInAsync(user);

        using var response = await client.Http.GetAsync(new Uri(area, UriKind.Relative));

        if (expected == Ok)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Applications")]
    [InlineData("/Review")]
    [InlineData("/Admin/Users")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string area)
    {
        using var client = host.NewClient();

        using var response = await client.Http.GetAsync(new Uri(area, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
