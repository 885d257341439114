using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Commands;

/// <summary>The admin verbs: migrate, seed-demo, create-user, create-round. They share the portal's configuration.</summary>
public static class AdminCommands
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-user", "schema-sql", "answer-keys", "create-round"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "answer-keys")
        {
            // Needs no database: documents an edition's answer keys (docs/answer-keys/*.md).
            Console.Write(AnswerKeysDocument.Markdown(args.ElementAtOrDefault(1) ?? "zone-2026", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null));
            return 0;
        }
        // Same environment variable as the web host, so `make run` seeds what the portal then serves.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args[1..],
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalDatabase(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddIdentityCore<PortalUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();

        switch (args[0])
        {
            case "migrate":
                await DatabaseSetup.MigrateAsync(db);
                await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
                Console.WriteLine("Database migrated.");
                return 0;
            case "seed-demo":
                if (builder.Environment.IsProduction() && !args.Contains("--allow-production"))
                {
                    Console.Error.WriteLine("seed-demo is for development only; set ASPNETCORE_ENVIRONMENT=Development.");
                    return 2;
                }
                var seeded = await DemoData.SeedAsync(services);
                Console.WriteLine(seeded ? "Demo data seeded." : "Demo data already present.");
                return 0;
            case "create-user":
                return await CreateUser.RunAsync(services, builder.Configuration);
            case "create-round":
                return await CreateRound.RunAsync(services, args.ElementAtOrDefault(1));
            case "schema-sql":
                // Development aid for writing migrations: the schema the model describes, as SQL.
                Console.WriteLine(db.Database.GenerateCreateScript());
                return 0;
            default:
                return 2;
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
