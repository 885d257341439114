using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>A fresh account for one test, and the administrator's user form driven over HTTP.</summary>
public sealed record TestAccount(Guid Id, string UserName, string Password, int OrganisationId, string Role);

public static class Accounts
{
    public const string Password = "Correct#Passw0rd";

    public static async Task<TestAccount> NewAccountAsync(this PortalHost host, string role = Roles.Applicant, string organisation = "佛山市工业和信息化局")
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.PortalDbContext>();
        var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
        var user = new PortalUser { UserName = $"acct.{Guid.NewGuid():N}"[..20], DisplayName = "账户测试", OrganisationId = organisationId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new TestAccount(user.Id, user.UserName, Password, organisationId, role);
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

    public static async Task<int> OrganisationIdAsync(this PortalHost host, string name)
    {
        await using var db = host.NewDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

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
