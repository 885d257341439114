using SmeZones.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Data;
using SmeZones.Core.Regions;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Data;

/// <summary><see cref="DatabaseSetup.SyncRegionsAsync"/> runs on every start, so it must load once and then be a no-op.</summary>
public class RegionSyncTests
{
    private const int CatalogueSize = 3343; // 32 province-level + 337 prefecture-level + 2974 county-level

    [Fact]
    public async Task Sync_loads_the_whole_catalogue_into_an_empty_table()
    {
        await using var database = await MigratedWithoutRegionsAsync();

        await SyncAsync(database);

        Assert.Equal(CatalogueSize, RegionCatalogue.Instance.All.Count);
        Assert.Equal(CatalogueLines(), await StoredLinesAsync(database));
    }

    [Fact]
    public async Task Syncing_again_rewrites_no_row()
    {
        await using var database = await MigratedWithoutRegionsAsync();
        await SyncAsync(database);
        var versions = await RowVersionsAsync(database);

        await SyncAsync(database);

        // xmin changes on any UPDATE, even one that writes the same values, so equal xmins mean no row was touched.
        Assert.Equal(CatalogueSize, versions.Count);
        Assert.Equal(versions, await RowVersionsAsync(database));
    }

    [Fact]
    public async Task Sync_restores_a_changed_region_in_place()
    {
        await using var database = await MigratedWithoutRegionsAsync();
        await SyncAsync(database);
        await using (var connection = await database.OpenOwnerConnectionAsync())
        await using (var tamper = new NpgsqlCommand(
            """UPDATE "Regions" SET "Name" = '深圳', "IsProvincialUnit" = false, "Class" = NULL, "ParentCode" = NULL WHERE "Code" = '440300'""",
            connection))
        {
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        await SyncAsync(database);

        await using var db = database.CreateOwnerContext();
        var shenzhen = await db.Regions.SingleAsync(r => r.Code == "440300");
        Assert.Equal(("深圳市", true, RegionClass.East, "440000"), (shenzhen.Name, shenzhen.IsProvincialUnit, shenzhen.Class, shenzhen.ParentCode));
        Assert.Equal(CatalogueSize, await db.Regions.CountAsync());
    }

    [Fact]
    public async Task Database_setup_migrates_and_loads_regions_in_one_step()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateOwnerContext())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var db = database.CreateOwnerContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(CatalogueSize, await db.Regions.CountAsync());
        }
    }

    private static async Task<TestDatabase> MigratedWithoutRegionsAsync()
    {
        var database = await TestDatabase.CreateAsync();
        try
        {
            await using var db = database.CreateOwnerContext();
            await db.Database.MigrateAsync();
            Assert.Equal(0, await db.Regions.CountAsync());
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task SyncAsync(TestDatabase database)
    {
        await using var db = database.CreateOwnerContext();
        await DatabaseSetup.SyncRegionsAsync(db);
    }

    private static string Line(Region r) => $"{r.Code} {r.Name} {r.Level} parent={r.ParentCode} class={r.Class} unit={r.IsProvincialUnit}";

    private static List<string> CatalogueLines() =>
        [.. RegionCatalogue.Instance.All.Select(Line).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> StoredLinesAsync(TestDatabase database)
    {
        await using var db = database.CreateOwnerContext();
        return [.. (await db.Regions.AsNoTracking().ToListAsync()).Select(Line).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> RowVersionsAsync(TestDatabase database)
    {
        var rows = new List<string>();
        await using var connection = await database.OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand("""SELECT "Code" || ' ' || xmin::text FROM "Regions" ORDER BY "Code" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
