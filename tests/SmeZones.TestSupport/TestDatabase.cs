using Npgsql;
using SmeZones.Core.Data;

namespace SmeZones.TestSupport;

/// <summary>
/// A database of its own on the test server named by <c>SMEZONES_TEST_DB</c>, created empty and dropped on dispose.
/// Like a deployment (ADR 0006) it has two roles: <see cref="OwnerRole"/> owns the schema and migrates,
/// <see cref="ApplicationRole"/> is what the portal connects as, with only the rights the migrate step grants it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "SMEZONES_TEST_DB";
    public const string OwnerRole = "smezones_owner";
    public const string ApplicationRole = "smezones_app";

    private TestDatabase(string name)
    {
        Name = name;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Username = OwnerRole }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Username = ApplicationRole }.ConnectionString;
    }

    /// <summary>The database's name, e.g. smz_core_1a2b3c4d.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database as the application role (what the portal uses).</summary>
    public string ConnectionString { get; }

    /// <summary>A connection string to this database as the owner (what `migrate` uses).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>
    /// The server's connection string, as a superuser that creates roles and databases. Throws, so every test that
    /// needs the database fails (never skips) with the instruction, when the variable is missing.
    /// </summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ServerVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{ServerVariable} is not set. These tests need a real PostgreSQL server: run `make test`, which starts a "
                    + $"throwaway cluster and sets {ServerVariable} (e.g. \"Host=127.0.0.1;Port=55433;Username=postgres\").");
            }

            return value;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string prefix = "smz_test")
    {
        var name = $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var admin = await OpenAdminConnectionAsync())
        {
            await EnsureRolesAsync(admin);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(name);
    }

    /// <summary>A context connected as the application role.</summary>
    public PortalDbContext CreateContext() => PortalDatabase.Create(ConnectionString);

    /// <summary>A context connected as the owner.</summary>
    public PortalDbContext CreateOwnerContext() => PortalDatabase.Create(OwnerConnectionString);

    /// <summary>Migrates as the owner and grants the application role its rights, as the `migrate` verb does.</summary>
    public async Task MigrateAsync()
    {
        await using var db = CreateOwnerContext();
        await DatabaseSetup.MigrateAsync(db, ApplicationRole);
    }

    /// <summary>A plain connection as the application role, opened, for SQL that should bypass EF.</summary>
    public Task<NpgsqlConnection> OpenConnectionAsync() => OpenAsync(ConnectionString);

    /// <summary>A plain connection as the owner, opened.</summary>
    public Task<NpgsqlConnection> OpenOwnerConnectionAsync() => OpenAsync(OwnerConnectionString);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections of the app under test would otherwise hold the database open.
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminConnectionAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Both roles, cluster-wide; test processes running side by side may race to create them.</summary>
    private static async Task EnsureRolesAsync(NpgsqlConnection admin)
    {
        foreach (var role in new[] { OwnerRole, ApplicationRole })
        {
            await using var command = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                    END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminConnectionAsync()
    {
        // Pooling off: the maintenance database is used rarely, and a pooled connection would outlive the test run.
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        return await OpenAsync(builder.ConnectionString);
    }
}
