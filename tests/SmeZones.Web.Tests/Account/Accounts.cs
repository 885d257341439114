using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>A fresh account for one test, and the administrator's user form driven over HTTP.</summary>
public sealed record TestAccount(Guid Id, string UserName, string Password, int OrganisationId, string Role);

public static class Accounts
{
    public const string Password = "Correct#Passw0rd";

    /// <summary>A new account in the role, of the organisation given or else of a new prefecture authority (佛山).</summary>
    public static async Task<TestAccount> NewAccountAsync(this PortalHost host, string role = Roles.Applicant, Organisation? organisation = null)
    {
        organisation ??= await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "440600");
        var user = await host.TestData.CreateUserAsync(organisation, role, Password);
        return new TestAccount(user.Id, user.UserName!, Password, organisation.Id, role);
    }

    public static async Task<PortalClient> SignedInAsync(this PortalHost host, TestAccount account)
    {
        var client = host.NewClient();
        await client.SignInAsync(account.UserName, account.Password);
        return client;
    }

    /// <summary>Posts the administrator's edit form for the account; null values keep what the account has.</summary>
    public static async Task<HttpResponseMessage> AdminEditAsync(
        this PortalClient admin, TestAccount account, string? role = null, int? organisationId = null, bool active = true, string newPassword = "") =>
        await admin.SubmitAsync($"/Admin/Users/Edit/{account.Id}", new Dictionary<string, string>
        {
            ["Form.UserName"] = account.UserName,
            ["Form.DisplayName"] = "账户测试",
            ["Form.OrganisationId"] = (organisationId ?? account.OrganisationId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Roles"] = role ?? account.Role,
            ["Form.IsActive"] = active ? "true" : "false",
            ["Form.NewPassword"] = newPassword,
        });

    public static async Task<List<string>> AuditActionsAsync(this PortalHost host, Guid userId)
    {
        await using var db = host.NewDbContext();
        return await db.AuditEvents.Where(e => e.EntityType == "User" && e.EntityId == userId.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    /// <summary>The next request with this client's cookie is sent to the login page (and told to drop the cookie).</summary>
    public static async Task AssertSentToLoginAsync(this PortalClient client, string url = "/")
    {
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public static async Task AssertSignedInAsync(this PortalClient client, string url = "/")
    {
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
