using SmeZones.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Data;

/// <summary>
/// The initial migration is hand-written SQL (ADR 0002). These tests prove it builds exactly the schema the EF model
/// describes, by comparing a migrated database with one made by EnsureCreated from the model.
/// </summary>
public class MigrationsMatchModelTests
{
    private const string InitialMigration = "20261121060000_Initial";

    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        await using var migrated = await TestDatabase.CreateAsync("smz_core_migrated");
        await using var fromModel = await TestDatabase.CreateAsync("smz_core_model");
        await Task.WhenAll(MigrateAsync(migrated), EnsureCreatedAsync(fromModel));

        var expected = await SchemaDump.ModelSchemaAsync(fromModel.ConnectionString);
        var actual = await SchemaDump.ModelSchemaAsync(migrated.ConnectionString);

        // The dump must cover every kind of fact, or an empty comparison would pass.
        await using var db = fromModel.CreateContext();
        var modelTables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct().Count();
        Assert.Equal(modelTables, expected.Count(l => l.StartsWith("table ", StringComparison.Ordinal)));
        foreach (var kind in new[] { "column ", "primary key ", "foreign key ", "index " })
        {
            Assert.Contains(expected, l => l.StartsWith(kind, StringComparison.Ordinal));
        }

        SchemaDump.AssertSame(expected, actual, "model (EnsureCreated)", "migrations (Migrate)");
    }

    [Fact]
    public async Task Schema_dump_reports_changed_types_nullability_defaults_keys_and_indexes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigrateAsync(database);
        var before = await SchemaDump.ModelSchemaAsync(database.ConnectionString);

        await ExecuteAsync(database, """
            ALTER TABLE "Regions" ALTER COLUMN "Name" TYPE character varying(65);
            ALTER TABLE "Applications" ALTER COLUMN "Title" DROP NOT NULL;
            ALTER TABLE "Campaigns" ALTER COLUMN "ApplicationCounter" SET DEFAULT 0;
            ALTER TABLE "Organisations" DROP CONSTRAINT "FK_Organisations_Regions_RegionCode";
            ALTER TABLE "Organisations" ADD CONSTRAINT "FK_Organisations_Regions_RegionCode"
                FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE CASCADE;
            DROP INDEX "IX_Applications_Number";
            CREATE INDEX "IX_Applications_Number" ON "Applications" ("Number");
            ALTER TABLE "Evidence" ADD CONSTRAINT "AK_Evidence_Sha256" UNIQUE ("Sha256");
            """);
        var after = await SchemaDump.ModelSchemaAsync(database.ConnectionString);

        var changed = after.Except(before, StringComparer.Ordinal).ToList();
        Assert.Contains(changed, l => l.StartsWith("column Regions.Name type=character varying", StringComparison.Ordinal) && l.Contains("max_length=65", StringComparison.Ordinal));
        Assert.Contains(changed, l => l.StartsWith("column Applications.Title ", StringComparison.Ordinal) && l.Contains("nullable=YES", StringComparison.Ordinal));
        Assert.Contains(changed, l => l.StartsWith("column Campaigns.ApplicationCounter ", StringComparison.Ordinal) && l.Contains("default=0", StringComparison.Ordinal));
        Assert.Contains(changed, l => l.StartsWith("foreign key Organisations.FK_Organisations_Regions_RegionCode (RegionCode) references Regions (Code) on delete CASCADE", StringComparison.Ordinal));
        Assert.Contains(changed, l => l.StartsWith("index Applications.IX_Applications_Number (\"Number\") non-unique", StringComparison.Ordinal));
        Assert.Contains(changed, l => l.StartsWith("unique constraint Evidence.AK_Evidence_Sha256 (Sha256)", StringComparison.Ordinal));
        Assert.Throws<Xunit.Sdk.FailException>(() => SchemaDump.AssertSame(before, after, "before", "after"));
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigrateAsync(database);
        var schema = await SchemaDump.ModelSchemaAsync(database.ConnectionString);
        var triggers = await SchemaDump.TriggersAndFunctionsAsync(database.ConnectionString);
        var history = await HistoryAsync(database);

        await MigrateAsync(database);

        SchemaDump.AssertSame(schema, await SchemaDump.ModelSchemaAsync(database.ConnectionString), "first migration", "second migration");
        SchemaDump.AssertSame(triggers, await SchemaDump.TriggersAndFunctionsAsync(database.ConnectionString), "first migration", "second migration");
        Assert.Equal(history, await HistoryAsync(database));
        Assert.Contains(history, h => h.StartsWith(InitialMigration + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_migrating_no_migration_is_pending_and_every_migration_is_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var all = db.Database.GetMigrations().ToList();
            Assert.Contains(InitialMigration, all);
            Assert.Equal(all, await db.Database.GetPendingMigrationsAsync());

            await db.Database.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task Reverting_every_migration_removes_all_tables_triggers_and_functions()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigrateAsync(database);
        Assert.NotEmpty(await SchemaDump.TriggersAndFunctionsAsync(database.ConnectionString));

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync("0");
        }

        Assert.Empty(await SchemaDump.ModelSchemaAsync(database.ConnectionString));
        Assert.Empty(await SchemaDump.TriggersAndFunctionsAsync(database.ConnectionString));
        Assert.Empty(await HistoryAsync(database));
    }

    private static async Task MigrateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
    }

    private static async Task EnsureCreatedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.True(await db.Database.EnsureCreatedAsync(), "EnsureCreated should have created the tables in the empty database.");
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> HistoryAsync(TestDatabase database)
    {
        var rows = new List<string>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "MigrationId" || ' ' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
