using Npgsql;
using SmeZones.Core.Audit;
using SmeZones.TestSupport;
using SmeZones.Web.Commands;

namespace SmeZones.Web.Tests.Commands;

/// <summary>The `verify-audit` admin verb, run as an operator would, against a database of its own.</summary>
public class VerifyAuditTests
{
    [Fact]
    public async Task Verify_audit_succeeds_on_an_intact_chain_and_fails_once_the_owner_altered_a_row()
    {
        await using var database = await TestDatabase.CreateAsync("smz_verify");
        await database.MigrateAsync();
        long altered;
        await using (var db = database.CreateContext())
        {
            var entries = Enumerable.Range(0, 3).Select(i => db.Record(Actor.System, "test.verify", "Test", "verify", $"entry {i}")).ToList();
            await db.SaveChangesAsync();
            altered = entries[1].Id;
        }
        string[] verb = ["verify-audit", $"--ConnectionStrings:Default={database.ConnectionString}"];

        Assert.Equal(0, await AdminCommands.RunAsync(verb));

        await using (var owner = await database.OpenOwnerConnectionAsync())
        await using (var tamper = new NpgsqlCommand($"""
            ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_append_only";
            UPDATE "AuditEvents" SET "UserName" = 'someone else' WHERE "Id" = {altered};
            ALTER TABLE "AuditEvents" ENABLE TRIGGER "AuditEvents_append_only";
            """, owner))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await AdminCommands.RunAsync(verb));
    }
}
