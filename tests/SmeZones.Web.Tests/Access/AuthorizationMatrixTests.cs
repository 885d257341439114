using System.Net;
using SmeZones.Core.Organisations;
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
            ["/"] = [Roles.Admin, Roles.Ministry, Roles.Expert, Roles.Reviewer, Roles.Applicant],
            ["/Account/ChangePassword"] = [Roles.Admin, Roles.Ministry, Roles.Expert, Roles.Reviewer, Roles.Applicant],
            ["/Applications"] = [Roles.Applicant],
            // Experts work on their assignments under /Experts, not in the reviewing authorities' workspace.
            ["/Review"] = [Roles.Ministry, Roles.Reviewer],
            ["/Experts"] = [Roles.Expert],
            ["/Ministry/Overview"] = [Roles.Ministry],
            ["/Ministry/Applications"] = [Roles.Ministry],
            ["/Ministry/Experts"] = [Roles.Ministry],
            ["/Admin/Organisations"] = [Roles.Admin],
            ["/Admin/Organisations/Edit"] = [Roles.Admin],
            ["/Admin/Users"] = [Roles.Admin],
            ["/Admin/Users/Edit"] = [Roles.Admin],
            // Which entries each reaches is RegistryAccess's (RegistryPageTests).
            ["/Registry"] = [Roles.Admin, Roles.Ministry, Roles.Reviewer, Roles.Applicant],
            ["/Registry/Import"] = [Roles.Admin, Roles.Ministry],
        };
        string[] roles = [Roles.Admin, Roles.Ministry, Roles.Expert, Roles.Reviewer, Roles.Applicant];
        var data = new TheoryData<string, string, string>();
        foreach (var (area, allowed) in areas)
        {
            foreach (var role in roles)
            {
                data.Add(role, area, allowed.Contains(role) ? Ok : Denied);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_own_areas(string role, string area, string expected)
    {
        using var client = await host.SignedInAsync(await host.TestData.CreateUserAsync(role));

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
