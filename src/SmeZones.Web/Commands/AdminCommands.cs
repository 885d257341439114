using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Commands;

/// <summary>The admin verbs: migrate, seed-demo, create-user, verify-audit, verify-snapshots, create-round. They share the portal's configuration.</summary>
public static class AdminCommands
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-user", "verify-audit", "verify-snapshots", "answer-keys", "create-round"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == "answer-keys")
        {
            // Needs no database: documents an edition's answer keys (docs/answer-keys/*.md).
            if (args.Length < 2)
            {
                await Console.Error.WriteLineAsync($"用法：answer-keys EDITION [YEAR]；EDITION 为 {string.Join("、", Core.Forms.FormEditionCatalogue.Default.All.Select(f => f.Key))} 之一");
                return 2;
            }
            Console.Write(AnswerKeysDocument.Markdown(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null));
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
        TryAddDataProtection(builder);
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
                await MigrateAsync(db, builder.Configuration);
                await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
                Console.WriteLine("Database migrated.");
                EnsureSignInKey(services);
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
            case "verify-audit":
                var report = await AuditChain.VerifyAsync(db);
                if (report.FirstBreak is { } broken)
                {
                    Console.Error.WriteLine($"Audit chain broken at entry {broken.Id}: "
                        + (broken.ContentChanged ? "its content no longer matches its hash." : "it does not link to the entry before it."));
                    return 1;
                }
                Console.WriteLine($"Audit chain intact: {report.Entries} entries; newest hash {report.HeadHash ?? "(none)"}.");
                return 0;
            case "verify-snapshots":
                var integrity = await StoredIntegrity.VerifyAsync(db);
                foreach (var id in integrity.AlteredSubmissions)
                {
                    Console.Error.WriteLine($"Submission {id}: its snapshot no longer matches its SHA-256.");
                }
                foreach (var id in integrity.AlteredEvidence)
                {
                    Console.Error.WriteLine($"Evidence {id}: its bytes are missing or no longer match their SHA-256.");
                }
                foreach (var id in integrity.AlteredAnnualReports ?? [])
                {
                    Console.Error.WriteLine($"Annual report submission {id}: its snapshot no longer matches its SHA-256.");
                }
                Console.WriteLine($"Checked {integrity.Submissions} submission snapshots, {integrity.EvidenceFiles} evidence files and {integrity.AnnualReports} annual report submissions: "
                    + (integrity.Intact ? "all intact." : "some altered."));
                return integrity.Intact ? 0 : 1;
            default:
                return 2;
        }
    }

    /// <summary>
    /// Migrates as the owner (ConnectionStrings:Owner) and grants the portal's own role (the user of
    /// ConnectionStrings:Default) its rights. Without an owner connection the portal's connection migrates: one role
    /// that owns everything, which only development should use (ADR 0006).
    /// </summary>
    private static async Task MigrateAsync(PortalDbContext db, IConfiguration config)
    {
        var owner = config.GetConnectionString("Owner");
        if (string.IsNullOrWhiteSpace(owner))
        {
            Console.Error.WriteLine("ConnectionStrings:Owner is not set: migrating as the portal's own role, which then owns the schema.");
            await DatabaseSetup.MigrateAsync(db);
            return;
        }
        await using var ownerDb = PortalDatabase.Create(owner);
        var applicationRole = DatabaseSetup.RoleOf(db.Database.GetConnectionString()!);
        await DatabaseSetup.MigrateAsync(ownerDb, applicationRole == DatabaseSetup.RoleOf(owner) ? null : applicationRole);
    }

    /// <summary>Data protection as the portal configures it, when the configuration allows (a certificate, or a non-production environment).</summary>
    private static void TryAddDataProtection(HostApplicationBuilder builder)
    {
        try
        {
            builder.Services.AddPortalDataProtection(builder.Configuration, builder.Environment);
        }
        catch (InvalidOperationException)
        {
            // Without its certificate the verb cannot make a key the portal could read; EnsureSignInKey says so.
        }
    }

    private static void EnsureSignInKey(IServiceProvider services)
    {
        if (services.GetService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>() is null)
        {
            Console.Error.WriteLine($"No sign-in key made: set {DataProtectionSetup.CertificatePathSetting} as for the portal, so that "
                + "instances starting together share one key.");
            return;
        }
        if (DataProtectionSetup.EnsureActiveKey(services, DateTimeOffset.UtcNow))
        {
            Console.WriteLine("Sign-in key created.");
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
