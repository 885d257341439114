using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Web.Commands;

/// <summary>
/// create-user --username NAME --password PW --role Admin --organisation "工业和信息化部" [--name 显示名]:
/// how a real deployment gets its first administrator.
/// </summary>
internal static class CreateUser
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration options)
    {
        var userName = options["username"];
        var password = options["password"];
        var role = options["role"] ?? Roles.Admin;
        var organisationName = options["organisation"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(organisationName))
        {
            Console.Error.WriteLine("usage: create-user --username NAME --password PASSWORD --organisation ORGANISATION [--role Admin] [--name DISPLAY]");
            return 2;
        }
        if (!Roles.All.Contains(role))
        {
            Console.Error.WriteLine($"Unknown role {role}; one of: {string.Join(", ", Roles.All)}");
            return 2;
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == organisationName);
        if (organisation is null)
        {
            organisation = new Organisation { Name = organisationName, Level = OrganisationLevel.Ministry, CreatedAt = DateTimeOffset.UtcNow };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            Console.WriteLine($"Created organisation {organisationName} (部级).");
        }

        await AdminCommands.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = userName, DisplayName = options["name"] ?? userName, OrganisationId = organisation.Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Created user {userName} ({Roles.Title(role)}) in {organisation.Name}.");
        return 0;
    }
}
