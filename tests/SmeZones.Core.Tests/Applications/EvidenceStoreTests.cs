using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Applications;

/// <summary><see cref="EvidenceStore"/> against a real database: what is stored, refused, audited and deleted.</summary>
public class EvidenceStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 7, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceLimits Defaults = new();
    private readonly Actor _officer = new(Guid.NewGuid(), "officer", 1);

    [Fact]
    public async Task A_pdf_is_stored_with_its_bytes_hash_uploader_and_an_audit_event()
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();

        var result = await EvidenceStore.AddAsync(db, application, "1", @"D:\材料\入驻企业名录.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults);

        Assert.True(result.Succeeded, result.Error);
        await using var check = fixture.CreateContext();
        var stored = await check.Evidence.Include(e => e.Content).SingleAsync(e => e.ApplicationId == application.Id);
        Assert.Equal(("1", "入驻企业名录.pdf", "application/pdf"), (stored.SlotKey, stored.FileName, stored.ContentType));
        Assert.Equal(EvidenceSamples.Pdf, stored.Content!.Bytes);
        Assert.Equal(EvidenceSamples.Pdf.Length, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(EvidenceSamples.Pdf)), stored.Sha256);
        Assert.Equal((_officer.UserId!.Value, Now), (stored.UploadedById, stored.UploadedAt));
        var audit = await check.AuditEvents.SingleAsync(e => e.EntityId == application.Id.ToString() && e.Action == "EvidenceAdded");
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(stored.Sha256, details.RootElement.GetProperty("sha256").GetString());
        Assert.Equal("1", details.RootElement.GetProperty("slot").GetString());
        Assert.Equal(stored.SizeBytes, details.RootElement.GetProperty("size").GetInt64());
        Assert.Equal("入驻企业名录.pdf", details.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(EvidenceStore.Empty, new byte[0])]
    [InlineData(EvidenceStore.WrongType, new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]
    public async Task Refused_files_leave_nothing_behind(string message, byte[] content)
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();

        var result = await EvidenceStore.AddAsync(db, application, "2", "x.pdf", new MemoryStream(content), _officer, Now, Defaults);

        Assert.Equal(message, result.Error);
        await using var check = fixture.CreateContext();
        Assert.False(await check.Evidence.AnyAsync(e => e.ApplicationId == application.Id));
        Assert.False(await check.AuditEvents.AnyAsync(e => e.EntityId == application.Id.ToString() && e.Action == "EvidenceAdded"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_naming_both_sizes()
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();
        var content = new byte[24536678];
        EvidenceSamples.Pdf.CopyTo(content, 0);

        var result = await EvidenceStore.AddAsync(db, application, "3", "big.pdf", new MemoryStream(content), _officer, Now, Defaults);

        Assert.Equal("单个文件不能超过 20 MB（本文件 23.4 MB）", result.Error);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_read_no_further_than_the_limit_plus_one_byte()
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();
        var endless = new EndlessPdf();

        var result = await EvidenceStore.AddAsync(db, application, "3", "endless.pdf", endless, _officer, Now, new EvidenceLimits { MaxFileBytes = 1000 });

        Assert.Equal("单个文件不能超过 1000 字节", result.Error);
        Assert.Equal(1001, endless.BytesRead);
    }

    [Fact]
    public async Task The_total_per_application_is_enforced()
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();
        var limits = new EvidenceLimits { MaxFileBytes = 2048, MaxTotalBytes = 3072 };
        var file = new byte[2000];
        EvidenceSamples.Pdf.CopyTo(file, 0);

        var first = await EvidenceStore.AddAsync(db, application, "4", "a.pdf", new MemoryStream(file), _officer, Now, limits);
        var second = await EvidenceStore.AddAsync(db, application, "5", "b.pdf", new MemoryStream(file), _officer, Now, limits);

        Assert.True(first.Succeeded, first.Error);
        Assert.StartsWith("本申报的佐证材料合计不能超过 3 KB（已上传 2 KB，本文件 2 KB）", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_changes_once_the_application_is_submitted()
    {
        var application = await ZoneApplicationAsync();
        await using (var db = fixture.CreateContext())
        {
            Assert.True((await EvidenceStore.AddAsync(db, application, "1", "a.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults)).Succeeded);
        }
        var evidenceId = await IdOfOnlyFileAsync(application);
        await SetStatusAsync(application.Id, ApplicationStatus.Submitted);
        application.Status = ApplicationStatus.Submitted;

        await using var after = fixture.CreateContext();
        Assert.Equal(EvidenceStore.NotEditable, (await EvidenceStore.AddAsync(after, application, "1", "b.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults)).Error);
        Assert.Equal(EvidenceStore.NotEditable, (await EvidenceStore.DeleteAsync(after, application, evidenceId, _officer, Now)).Error);
        Assert.Equal(evidenceId, await IdOfOnlyFileAsync(application));
    }

    [Fact]
    public async Task A_page_that_read_a_draft_cannot_upload_after_the_application_was_submitted_elsewhere()
    {
        var application = await ZoneApplicationAsync(); // as the page read it: a draft
        await SetStatusAsync(application.Id, ApplicationStatus.Submitted);
        await using var db = fixture.CreateContext();

        var result = await EvidenceStore.AddAsync(db, application, "1", "a.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults);

        Assert.Equal(EvidenceStore.NotEditable, result.Error);
        await using var check = fixture.CreateContext();
        Assert.False(await check.Evidence.AnyAsync(e => e.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Deleting_removes_the_file_and_its_bytes_and_the_audit_keeps_the_hash()
    {
        var application = await ZoneApplicationAsync();
        await using (var db = fixture.CreateContext())
        {
            Assert.True((await EvidenceStore.AddAsync(db, application, "7", "a.png", new MemoryStream(EvidenceSamples.Png), _officer, Now, Defaults)).Succeeded);
        }
        var evidenceId = await IdOfOnlyFileAsync(application);

        await using (var db = fixture.CreateContext())
        {
            var result = await EvidenceStore.DeleteAsync(db, application, evidenceId, _officer, Now);
            Assert.True(result.Succeeded, result.Error);
        }

        await using var check = fixture.CreateContext();
        Assert.False(await check.Evidence.AnyAsync(e => e.Id == evidenceId));
        Assert.False(await check.EvidenceContents.AnyAsync(c => c.EvidenceId == evidenceId));
        var audit = await check.AuditEvents.SingleAsync(e => e.EntityId == application.Id.ToString() && e.Action == "EvidenceDeleted");
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(EvidenceSamples.Png)), details.RootElement.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Files_open_only_for_viewers_who_reach_the_application()
    {
        var application = await ZoneApplicationAsync();
        await using (var db = fixture.CreateContext())
        {
            Assert.True((await EvidenceStore.AddAsync(db, application, "1", "a.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults)).Succeeded);
        }
        var evidenceId = await IdOfOnlyFileAsync(application);
        var own = new Viewer(Guid.NewGuid(), application.OrganisationId, OrganisationLevel.County, "440605", new HashSet<string> { Roles.Applicant });
        var other = own with { OrganisationId = application.OrganisationId + 100000 };

        await using var read = fixture.CreateContext();
        Assert.Equal(EvidenceSamples.Pdf, (await EvidenceStore.OpenAsync(read, own, application.Id, evidenceId))?.Content?.Bytes);
        Assert.Null(await EvidenceStore.OpenAsync(read, other, application.Id, evidenceId));
        Assert.Null(await EvidenceStore.OpenAsync(read, own, Guid.NewGuid(), evidenceId));
    }

    [Fact]
    public async Task A_slot_the_edition_does_not_have_is_a_programming_error()
    {
        var application = await ZoneApplicationAsync();
        await using var db = fixture.CreateContext();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            EvidenceStore.AddAsync(db, application, "16", "a.pdf", new MemoryStream(EvidenceSamples.Pdf), _officer, Now, Defaults));
    }

    private async Task<Application> ZoneApplicationAsync()
    {
        await using var db = fixture.CreateContext();
        var application = await TestData.SaveApplicationAsync(db);
        application.FormEditionKey = "zone-2026";
        await db.SaveChangesAsync();
        return application;
    }

    private async Task<Guid> IdOfOnlyFileAsync(Application application)
    {
        await using var db = fixture.CreateContext();
        return await db.Evidence.Where(e => e.ApplicationId == application.Id).Select(e => e.Id).SingleAsync();
    }

    private async Task SetStatusAsync(Guid applicationId, ApplicationStatus status)
    {
        await using var db = fixture.CreateContext();
        await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status));
    }

    /// <summary>A PDF that never ends and cannot tell its length, counting what is read from it.</summary>
    private sealed class EndlessPdf : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'%');
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
