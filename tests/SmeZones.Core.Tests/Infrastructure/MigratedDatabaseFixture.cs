using SmeZones.TestSupport;
using SmeZones.Core.Data;

namespace SmeZones.Core.Tests.Infrastructure;

/// <summary>
/// One database brought up the way the app does it (<see cref="DatabaseSetup.MigrateAsync"/> as the owner: migrations,
/// the region catalogue, the application role's rights), shared by the tests of a class or collection. Contexts connect
/// as the application role, as the portal does. Tests add data with unique names rather than
/// wiping tables, so they can share it and run in any order.
/// </summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database =>
        _database ?? throw new InvalidOperationException("The fixture's database was not created; see the fixture's error.");

    public string ConnectionString => Database.ConnectionString;

    public PortalDbContext CreateContext() => PortalDatabase.Create(ConnectionString);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>For test classes that would rather share one migrated database than have one each.</summary>
[CollectionDefinition(Name)]
public sealed class MigratedDatabaseCollection : ICollectionFixture<MigratedDatabaseFixture>
{
    public const string Name = "Migrated database";
}
