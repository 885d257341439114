using Npgsql;

namespace SmeZones.Core.Tests.Infrastructure;

/// <summary>
/// Makes a race real and provable: a connection of its own locks a row, the racers start, and only once
/// <c>waiters</c> sessions of the database are seen blocked on a lock is the row let go, so they all contend at once
/// rather than happening to run one after another.
/// </summary>
internal static class RowLockRace
{
    /// <param name="lockSql">A <c>SELECT … FOR UPDATE</c> of exactly one row, with its parameters in <paramref name="parameters"/>.</param>
    public static async Task<T[]> RunAsync<T>(
        string connectionString, string lockSql, IReadOnlyDictionary<string, object> parameters, int waiters, Func<Task<T[]>> race)
    {
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(lockSql, holder, transaction))
        {
            foreach (var (name, value) in parameters)
            {
                lockRow.Parameters.AddWithValue(name, value);
            }
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }
        var running = race();
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync();
        var blocked = 0L;
        for (var attempt = 0; attempt < 200 && blocked < waiters && !running.IsCompleted; attempt++)
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            blocked = (long)(await count.ExecuteScalarAsync())!;
            await Task.Delay(50);
        }
        await transaction.CommitAsync();
        var results = await running;
        Assert.True(blocked >= waiters, $"Expected {waiters} sessions waiting on the locked row, saw {blocked}.");
        return results;
    }

    /// <summary>The same, locking the row of <paramref name="table"/> whose "Id" is <paramref name="id"/>.</summary>
    public static Task<T[]> RunAsync<T>(string connectionString, string table, object id, int waiters, Func<Task<T[]>> race) =>
        RunAsync(connectionString, $"""SELECT 1 FROM "{table}" WHERE "Id" = @id FOR UPDATE""", new Dictionary<string, object> { ["id"] = id }, waiters, race);
}
