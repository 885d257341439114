using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Tests.Infrastructure;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Audit;

/// <summary>The check a restore drill runs: every snapshot and evidence file against its stored hash. Own database each.</summary>
public class StoredIntegrityTests
{
    [Fact]
    public async Task Untouched_snapshots_and_files_are_reported_intact_and_counted()
    {
        await using var database = await TestDatabase.CreateAsync("smz_integrity");
        await database.MigrateAsync();
        await SeedAsync(database);

        await using var db = database.CreateContext();
        var report = await StoredIntegrity.VerifyAsync(db);

        Assert.True(report.Intact);
        Assert.Equal(1, report.Submissions);
        Assert.Equal(1, report.EvidenceFiles);
    }

    [Fact]
    public async Task A_snapshot_changed_behind_the_portal_and_a_changed_file_are_both_named()
    {
        await using var database = await TestDatabase.CreateAsync("smz_integrity");
        await database.MigrateAsync();
        var (submissionId, evidenceId) = await SeedAsync(database);

        await using (var connection = await database.OpenOwnerConnectionAsync())
        await using (var command = new NpgsqlCommand($"""
            ALTER TABLE "Submissions" DISABLE TRIGGER "Submissions_append_only";
            UPDATE "Submissions" SET "CanonicalJson" = replace("CanonicalJson", '佛山', '广州') WHERE "Id" = '{submissionId}';
            ALTER TABLE "Submissions" ENABLE TRIGGER "Submissions_append_only";
            UPDATE "EvidenceContents" SET "Bytes" = '\x00'::bytea || "Bytes" WHERE "EvidenceId" = '{evidenceId}';
            """, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await using var db = database.CreateContext();
        var report = await StoredIntegrity.VerifyAsync(db);

        Assert.False(report.Intact);
        Assert.Equal([submissionId], report.AlteredSubmissions);
        Assert.Equal([evidenceId], report.AlteredEvidence);
    }

    private static async Task<(Guid Submission, Guid Evidence)> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        var json = """{"answers":{"name":"佛山市某合作区"}}""";
        var submission = new Submission
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Sequence = 1, SubmittedAt = DateTimeOffset.UtcNow,
            SubmittedById = Guid.NewGuid(), CanonicalJson = json, Sha256 = SubmissionSnapshot.HashOf(json),
        };
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4 evidence");
        var evidence = new Evidence
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, SlotKey = "1", FileName = "证明.pdf", ContentType = "application/pdf",
            SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedById = Guid.NewGuid(),
            UploadedAt = DateTimeOffset.UtcNow, Content = new EvidenceContent { Bytes = bytes },
        };
        db.AddRange(submission, evidence);
        await db.SaveChangesAsync();
        return (submission.Id, evidence.Id);
    }
}
