using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>The password of every user the builders create.</summary>
    public const string Password = "Test#Passw0rd2026";

    /// <summary>A new active user of the organisation in the role, created through ASP.NET Core Identity as the admin pages do.</summary>
    public async Task<PortalUser> CreateUserAsync(Organisation organisation, string role, string password = Password)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = $"{role.ToLowerInvariant()}.{Unique()}", DisplayName = $"{Roles.Title(role)}测试员",
            OrganisationId = organisation.Id, CreatedAt = host.Clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A new organisation with one user in the role: the usual way a test gets someone to sign in as.</summary>
    public async Task<PortalUser> CreateUserAsync(OrganisationLevel level, string? regionCode, string role)
    {
        var organisation = await CreateOrganisationAsync(level, regionCode);
        var user = await CreateUserAsync(organisation, role);
        user.Organisation = organisation;
        return user;
    }

    /// <summary>
    /// A user in the role at an authority where that role usually sits: administrators and ministry staff at a ministry
    /// authority, reviewers and experts at a province (广东), applicants at a prefecture (佛山).
    /// </summary>
    public Task<PortalUser> CreateUserAsync(string role) => role switch
    {
        Roles.Admin or Roles.Ministry => CreateUserAsync(OrganisationLevel.Ministry, null, role),
        Roles.Reviewer or Roles.Expert => CreateUserAsync(OrganisationLevel.ProvincialUnit, "440000", role),
        _ => CreateUserAsync(OrganisationLevel.Prefecture, "440600", role),
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
