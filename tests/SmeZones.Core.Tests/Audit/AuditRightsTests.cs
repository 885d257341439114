using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Audit;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Audit;

/// <summary>
/// The portal's database role may only read and append the audit trail (ADR 0006): it is neither the tables' owner nor
/// a superuser, so it can neither change rows, nor switch the guarding triggers off, nor write its own times.
/// </summary>
public class AuditRightsTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_application_role_is_neither_superuser_nor_owner_of_any_table()
    {
        await using var connection = await fixture.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = current_user),
                   (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user),
                   (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.Equal(0, reader.GetInt64(1));
        Assert.True(reader.GetInt64(2) > 10, "the tables exist, so owning none of them means something");
    }

    [Theory]
    [InlineData("""UPDATE "AuditEvents" SET "Summary" = 'rewritten'""")]
    [InlineData("""DELETE FROM "AuditEvents" """)]
    [InlineData("""TRUNCATE "AuditEvents" """)]
    [InlineData("""ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_append_only" """)]
    [InlineData("""ALTER TABLE "AuditEvents" DISABLE TRIGGER ALL""")]
    [InlineData("""ALTER TABLE "AuditEvents" ADD COLUMN "Note" text""")]
    [InlineData("""DROP TRIGGER "AuditEvents_chain" ON "AuditEvents" """)]
    [InlineData("""SET session_replication_role = replica""")]
    [InlineData("""CREATE OR REPLACE FUNCTION audit_event_digest(e "AuditEvents") RETURNS character(64) LANGUAGE sql AS $$ SELECT e."Hash" $$""")]
    public async Task The_application_role_cannot_change_or_unguard_the_audit_trail(string sql)
    {
        var id = (await InsertAsync("guarded")).Id;
        var before = await ReadAsync(id);

        await using (var connection = await fixture.Database.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }

        Assert.Equal(before, await ReadAsync(id));
    }

    [Fact]
    public async Task A_back_dated_insert_is_stored_with_the_database_time_and_its_own_place_in_the_chain()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using (var connection = await fixture.Database.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("""
            INSERT INTO "AuditEvents" ("Id", "OccurredAt", "Action", "EntityType", "EntityId", "Summary", "PreviousHash", "Hash")
            VALUES (1, '2001-01-01T00:00:00Z', 'test.backdated', 'Test', 'x', 'back-dated', repeat('0', 64), repeat('f', 64))
            """, connection))
        {
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using var db = fixture.CreateContext();
        var stored = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync(e => e.Summary == "back-dated");
        Assert.True(stored.OccurredAt > before, $"stored at {stored.OccurredAt:O}, the client asked for 2001");
        Assert.NotEqual(1, stored.Id);
        Assert.NotEqual(new string('f', 64), stored.Hash);
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Entries_recorded_through_the_context_get_the_database_time_and_hashes()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var entry = await InsertAsync("through EF");

        Assert.True(entry.OccurredAt > before);
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
        await using var db = fixture.CreateContext();
        var previous = await db.AuditEvents.Where(e => e.Id < entry.Id).OrderByDescending(e => e.Id).FirstOrDefaultAsync();
        Assert.Equal(previous?.Hash, entry.PreviousHash);
    }

    private async Task<AuditEvent> InsertAsync(string summary)
    {
        await using var db = fixture.CreateContext();
        var entry = db.Record(new Actor(Guid.NewGuid(), TestData.Unique("user"), null), "test.rights", "Test", Guid.NewGuid().ToString("N"), summary);
        await db.SaveChangesAsync();
        return entry;
    }

    private async Task<string> ReadAsync(long id)
    {
        await using var db = fixture.CreateContext();
        var e = await db.AuditEvents.AsNoTracking().SingleAsync(x => x.Id == id);
        return $"{e.Summary} {e.OccurredAt:O} {e.Hash}";
    }
}
