using Npgsql;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Audit;

/// <summary>
/// Each audit entry carries the SHA-256 of its content and of the entry before it (ADR 0006). Each test tampers with a
/// database of its own, so the others' chains stay intact.
/// </summary>
public class AuditChainTests
{
    [Fact]
    public async Task Concurrent_writers_make_one_unbroken_chain()
    {
        await using var database = await MigratedAsync();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Record(db, $"writer {i} first");
            await db.SaveChangesAsync();
            Record(db, $"writer {i} second");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        await using var check = database.CreateContext();
        var report = await AuditChain.VerifyAsync(check);
        Assert.Null(report.FirstBreak);
        Assert.Equal(48, report.Entries);
        Assert.Matches("^[0-9a-f]{64}$", report.HeadHash);
    }

    [Fact]
    public async Task A_row_altered_by_the_owner_is_reported_as_the_first_broken_link()
    {
        await using var database = await MigratedAsync();
        var ids = await RecordAsync(database, 5);

        await AsOwnerWithoutGuardAsync(database, $"""UPDATE "AuditEvents" SET "Summary" = 'rewritten' WHERE "Id" = {ids[2]}""");

        await using var db = database.CreateContext();
        var report = await AuditChain.VerifyAsync(db);
        Assert.Equal(new AuditChainBreak(ids[2], ContentChanged: true, LinkBroken: false), report.FirstBreak);
    }

    [Fact]
    public async Task A_row_whose_hash_the_owner_recomputed_breaks_the_link_of_the_next_one()
    {
        await using var database = await MigratedAsync();
        var ids = await RecordAsync(database, 5);

        await AsOwnerWithoutGuardAsync(database, $"""
            UPDATE "AuditEvents" SET "Summary" = 'rewritten' WHERE "Id" = {ids[1]};
            UPDATE "AuditEvents" e SET "Hash" = audit_event_digest(e) WHERE "Id" = {ids[1]};
            """);

        await using var db = database.CreateContext();
        Assert.Equal(new AuditChainBreak(ids[2], ContentChanged: false, LinkBroken: true), (await AuditChain.VerifyAsync(db)).FirstBreak);
    }

    [Fact]
    public async Task A_row_deleted_by_the_owner_is_reported_at_the_entry_after_it()
    {
        await using var database = await MigratedAsync();
        var ids = await RecordAsync(database, 4);

        await AsOwnerWithoutGuardAsync(database, $"""DELETE FROM "AuditEvents" WHERE "Id" = {ids[1]}""");

        await using var db = database.CreateContext();
        var report = await AuditChain.VerifyAsync(db);
        Assert.Equal(new AuditChainBreak(ids[2], ContentChanged: false, LinkBroken: true), report.FirstBreak);
        Assert.Equal(3, report.Entries);
    }

    private static async Task<TestDatabase> MigratedAsync()
    {
        var database = await TestDatabase.CreateAsync("smz_chain");
        await database.MigrateAsync();
        return database;
    }

    private static void Record(PortalDbContext db, string summary) =>
        db.Record(new Actor(null, TestData.Unique("user"), null), "test.chain", "Test", "chain", summary, new { summary });

    private static async Task<List<long>> RecordAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        var entries = Enumerable.Range(0, count).Select(i => db.Record(Actor.System, "test.chain", "Test", "chain", $"entry {i}")).ToList();
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).Order().ToList();
    }

    /// <summary>What an owner who means harm can do: switch the append-only trigger off, change rows, switch it back on.</summary>
    private static async Task AsOwnerWithoutGuardAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand($"""
            ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_append_only";
            {sql};
            ALTER TABLE "AuditEvents" ENABLE TRIGGER "AuditEvents_append_only";
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
