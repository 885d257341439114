using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.TestSupport;
using SmeZones.Web.Commands;

namespace SmeZones.Web.Tests.Infrastructure;

/// <summary>
/// The portal, hosted once for the whole test assembly on its own migrated database without demo data.
/// Tests make unique data of their own with <see cref="TestData"/> rather than wiping what others use.
/// </summary>
public class PortalHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public FakeClock Clock { get; } = new();

    /// <summary>Builders of the organisations, users, rounds and applications a test needs.</summary>
    public TestData TestData => field ??= new TestData(this);

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("smz_web");
        // Migrate (as the owner) before the app starts: its data-protection key ring reads a table the migration
        // creates. The app itself connects as the application role.
        await _database.MigrateAsync();
        using var scope = Services.CreateScope();
        await AdminCommands.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        // Tests post many objections from one address; the limit itself is tested on a host of its own.
        builder.UseSetting("Portal:PublicPostsPerHour", "10000");
        // An extra form edition that is test data only (zone-2027), loaded as an operator's would be.
        builder.UseSetting("Forms:EditionsDirectory", Path.Combine(AppContext.BaseDirectory, "TestEditions"));
        // No hosted scheduler: tests run the jobs' Core functions with the fake clock, and the clustering test builds
        // its own schedulers on this database (ADR 0044). A background drain would race the tests' own.
        builder.UseSetting("Scheduling:Enabled", "false");
        // Test output shows test results; the portal's own request log would drown them.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal",
        }));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public PortalClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A new client signed in as the user (with the builders' password).</summary>
    public async Task<PortalClient> SignedInAsync(PortalUser user)
    {
        var client = NewClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }

    /// <summary>A context as the portal's own role, with the rights the portal has.</summary>
    public PortalDbContext NewDbContext() => PortalDatabase.Create(ConnectionString);

    /// <summary>A context as the schema's owner, for tests of what the database refuses even to it.</summary>
    public PortalDbContext NewOwnerDbContext() =>
        _database?.CreateOwnerContext() ?? throw new InvalidOperationException("Not started.");
}
