using Npgsql;
using SmeZones.Core.Data;

namespace SmeZones.TestSupport;

/// <summary>
/// A database of its own on the test server named by <c>SMEZONES_TEST_DB</c>, created empty and dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "SMEZONES_TEST_DB";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, e.g. smz_core_1a2b3c4d.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database (the server's, with Database set).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The server's connection string. Throws, so every test that needs the database fails (never skips) with
    /// the instruction, when the variable is missing.
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
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public PortalDbContext CreateContext() => PortalDatabase.Create(ConnectionString);

    /// <summary>A plain connection to this database, opened, for SQL that should bypass EF.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections of the app under test would otherwise hold the database open.
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminConnectionAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAdminConnectionAsync()
    {
        // Pooling off: the maintenance database is used rarely, and a pooled connection would outlive the test run.
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
