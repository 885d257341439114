using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Audit;

/// <summary>
/// The audit trail and the submission records are append-only in the database itself: triggers refuse changes even
/// to the owner, who has every right on the tables (the application role lacks those rights too: AuditRightsTests).
/// </summary>
public class AppendOnlyTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    // ---- AuditEvents ----

    [Fact]
    public async Task Audit_events_can_be_inserted_and_read_back()
    {
        var id = await InsertAuditEventAsync("inserted");

        await using var db = fixture.CreateContext();
        var stored = await db.AuditEvents.SingleAsync(e => e.Id == id);
        Assert.Equal("inserted", stored.Summary);
        using var details = JsonDocument.Parse(stored.Details!); // jsonb keeps the value, not the text
        Assert.Equal(1, details.RootElement.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Updating_an_audit_event_is_refused_and_leaves_it_unchanged()
    {
        var id = await InsertAuditEventAsync("original");

        await AssertRefusedAsync("AuditEvents", "UPDATE", $"""UPDATE "AuditEvents" SET "Summary" = 'rewritten' WHERE "Id" = {id}""");

        await using var db = fixture.CreateContext();
        Assert.Equal("original", (await db.AuditEvents.SingleAsync(e => e.Id == id)).Summary);
    }

    [Fact]
    public async Task Deleting_an_audit_event_is_refused_and_keeps_it()
    {
        var id = await InsertAuditEventAsync("kept");

        await AssertRefusedAsync("AuditEvents", "DELETE", $"""DELETE FROM "AuditEvents" WHERE "Id" = {id}""");

        await using var db = fixture.CreateContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Id == id));
    }

    [Fact]
    public async Task Truncating_audit_events_is_refused()
    {
        var id = await InsertAuditEventAsync("survives truncate");

        await AssertRefusedAsync("AuditEvents", "TRUNCATE", """TRUNCATE "AuditEvents" """);

        await using var db = fixture.CreateContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Id == id));
    }

    [Fact]
    public async Task Changing_an_audit_event_through_EF_fails_to_save()
    {
        var id = await InsertAuditEventAsync("tracked");
        await using var db = fixture.Database.CreateOwnerContext();
        var stored = await db.AuditEvents.SingleAsync(e => e.Id == id);

        stored.Summary = "rewritten through EF";
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        AssertRefusal(Assert.IsType<PostgresException>(error.InnerException), "AuditEvents", "UPDATE");
    }

    // ---- Submissions ----

    [Fact]
    public async Task Submissions_can_be_inserted_and_read_back()
    {
        var id = await InsertSubmissionAsync();

        await using var db = fixture.CreateContext();
        var stored = await db.Submissions.SingleAsync(s => s.Id == id);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(new string('a', 64), stored.Sha256);
    }

    [Fact]
    public async Task Updating_a_submission_is_refused_and_leaves_it_unchanged()
    {
        var id = await InsertSubmissionAsync();

        await AssertRefusedAsync("Submissions", "UPDATE", $"""UPDATE "Submissions" SET "CanonicalJson" = '{"{}"}' WHERE "Id" = '{id}'""");

        await using var db = fixture.CreateContext();
        Assert.Equal("""{"answers":{"name":"original"}}""", (await db.Submissions.SingleAsync(s => s.Id == id)).CanonicalJson);
    }

    [Fact]
    public async Task Deleting_a_submission_is_refused_and_keeps_it()
    {
        var id = await InsertSubmissionAsync();

        await AssertRefusedAsync("Submissions", "DELETE", $"""DELETE FROM "Submissions" WHERE "Id" = '{id}'""");

        await using var db = fixture.CreateContext();
        Assert.True(await db.Submissions.AnyAsync(s => s.Id == id));
    }

    [Fact]
    public async Task Truncating_submissions_is_refused()
    {
        var id = await InsertSubmissionAsync();

        // CASCADE: SubmissionSummaries refers to Submissions, and without it PostgreSQL refuses before the trigger is asked.
        await AssertRefusedAsync("Submissions", "TRUNCATE", """TRUNCATE "Submissions" CASCADE""");

        await using var db = fixture.CreateContext();
        Assert.True(await db.Submissions.AnyAsync(s => s.Id == id));
    }

    [Fact]
    public async Task Removing_a_submission_through_EF_fails_to_save()
    {
        var id = await InsertSubmissionAsync();
        await using var db = fixture.Database.CreateOwnerContext();
        db.Submissions.Remove(await db.Submissions.SingleAsync(s => s.Id == id));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        AssertRefusal(Assert.IsType<PostgresException>(error.InnerException), "Submissions", "DELETE");
    }

    // ---- the guard is specific ----

    [Fact]
    public async Task Other_tables_stay_updatable()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);

        application.Title = "renamed";
        await db.SaveChangesAsync();

        await using var check = fixture.CreateContext();
        Assert.Equal("renamed", (await check.Applications.SingleAsync(a => a.Id == application.Id)).Title);
    }

    private async Task<long> InsertAuditEventAsync(string summary)
    {
        await using var db = fixture.CreateContext();
        var entry = db.Record(
            new Actor(Guid.NewGuid(), TestData.Unique("user"), null),
            "test.append-only", "Test", Guid.NewGuid().ToString("N"), summary, new { step = 1 });
        await db.SaveChangesAsync();
        Assert.True(entry.Id > 0);
        return entry.Id;
    }

    private async Task<Guid> InsertSubmissionAsync()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Sequence = 1,
            SubmittedAt = DateTimeOffset.UtcNow,
            SubmittedById = Guid.NewGuid(),
            CanonicalJson = """{"answers":{"name":"original"}}""",
            Sha256 = new string('a', 64),
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    private async Task AssertRefusedAsync(string table, string operation, string sql)
    {
        await using var connection = await fixture.Database.OpenOwnerConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        AssertRefusal(error, table, operation);
    }

    private static void AssertRefusal(PostgresException error, string table, string operation)
    {
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, error.SqlState);
        Assert.Equal($"{table} is append-only: {operation} refused", error.MessageText);
    }
}
