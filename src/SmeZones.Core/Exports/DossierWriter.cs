using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>The application form as a PDF, as the portal prints it (hash footer); the Web layer draws it with Razor.</summary>
public delegate Task<byte[]> ApplicationPdf(Application application, CancellationToken ct);

/// <summary>One file of a dossier as manifest.csv lists it.</summary>
public sealed record DossierFile(string Path, long SizeBytes, string Sha256);

/// <summary>
/// The dossier that replaces the CD: per application, the form PDF, every evidence file under its 佐证材料 number,
/// the latest submission's snapshot JSON, the review records of every stage and the files attached to the 实地抽查
/// records (provinces' and ministry's); manifest.csv lists every file with
/// its SHA-256. Written as a zip straight onto a stream that need not seek (the HTTP response): entries one after the
/// other, evidence copied from PostgreSQL in chunks, so memory holds one PDF and one buffer, never the dossier.
/// </summary>
public static class DossierWriter
{
    public const string ManifestName = "manifest.csv";

    /// <summary>The folder of the 实地抽查 records' attachments, one subfolder per check.</summary>
    public const string SiteCheckFolder = "实地抽查记录附件";

    private const string EvidenceBytesSql = """SELECT "Bytes" FROM "EvidenceContents" WHERE "EvidenceId" = @id""";
    private const string SiteCheckBytesSql = """SELECT "Bytes" FROM "SiteCheckAttachments" WHERE "Id" = @id""";
    private const int ChunkSize = 81920;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>
    /// Writes the applications' dossiers into one zip on <paramref name="output"/> (each in its own folder when there is more
    /// than one) and manifest.csv last. The applications need their campaign with its stages.
    /// </summary>
    public static async Task<IReadOnlyList<DossierFile>> WriteAsync(
        Stream output, PortalDbContext db, IReadOnlyList<Application> applications, ApplicationPdf pdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(pdf);
        var files = new List<DossierFile>();
        await using var target = new AsyncWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(target, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, ct))
        {
            foreach (var application in applications)
            {
                var folder = applications.Count == 1 ? "" : SafeName($"{application.Number} {application.Title}") + "/";
                await WriteApplicationAsync(zip, db, application, folder, pdf, files, ct);
            }
            await AddAsync(zip, ManifestName, new MemoryStream(Manifest(files)), null, ct);
        }
        await target.DrainAsync(ct);
        return files;
    }

    /// <summary>manifest.csv: UTF-8 with BOM, one line per file (path, size, SHA-256), every other file of the zip.</summary>
    public static byte[] Manifest(IEnumerable<DossierFile> files)
    {
        var text = new StringBuilder("path,size,sha256\r\n");
        foreach (var file in files)
        {
            text.Append('"').Append(file.Path.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",")
                .Append(file.SizeBytes.ToString(CultureInfo.InvariantCulture)).Append(',').Append(file.Sha256).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static async Task WriteApplicationAsync(
        ZipArchive zip, PortalDbContext db, Application application, string folder, ApplicationPdf pdf, List<DossierFile> files, CancellationToken ct)
    {
        files.Add(await AddAsync(zip, $"{folder}申报表-{application.Number}.pdf", new MemoryStream(await pdf(application, ct)), files, ct));

        var submission = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        if (submission is not null)
        {
            files.Add(await AddAsync(zip, $"{folder}提交快照-第{submission.Sequence}次.json",
                new MemoryStream(Encoding.UTF8.GetBytes(submission.CanonicalJson)), files, ct));
        }
        files.Add(await AddAsync(zip, $"{folder}审核记录.json",
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(await ReviewRecordsAsync(db, application, ct), Json)), files, ct));

        var evidence = await db.Evidence.AsNoTracking().Where(e => e.ApplicationId == application.Id)
            .OrderBy(e => e.SlotKey).ThenBy(e => e.UploadedAt).Select(e => new { e.Id, e.SlotKey, e.FileName }).ToListAsync(ct);
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var path = $"{folder}佐证材料/佐证材料{SafeName(e.SlotKey)}/{i + 1:000}-{SafeName(e.FileName)}";
            await AddStoredAsync(zip, db, EvidenceBytesSql, e.Id, path, files, ct);
        }

        // 实地抽查 attachments (the provinces' and the ministry's), one folder per check named by stage, authority and
        // date, so a reader of the CD-replacement finds the photos and minutes beside the check they belong to.
        var stages = application.Campaign?.Stages ?? [];
        var organisations = db.Organisations.AsNoTracking();
        var checks = await db.SiteChecks.AsNoTracking().Where(c => c.ApplicationId == application.Id)
            .OrderBy(c => c.StageOrder).ThenBy(c => c.CheckedOn).ThenBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.StageOrder, c.CheckedOn,
                Organisation = organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Attachments = c.Attachments.OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName).Select(a => new { a.Id, a.FileName }).ToList(),
            }).ToListAsync(ct);
        for (var c = 0; c < checks.Count; c++)
        {
            var check = checks[c];
            var stage = stages.FirstOrDefault(s => s.Order == check.StageOrder)?.Name ?? $"第{check.StageOrder}级";
            var checkFolder = $"{folder}{SiteCheckFolder}/{c + 1:00}-{SafeName($"{stage}-{check.Organisation}-{check.CheckedOn:yyyy-MM-dd}")}";
            for (var a = 0; a < check.Attachments.Count; a++)
            {
                var attachment = check.Attachments[a];
                await AddStoredAsync(zip, db, SiteCheckBytesSql, attachment.Id, $"{checkFolder}/{a + 1:000}-{SafeName(attachment.FileName)}", files, ct);
            }
        }
    }

    /// <summary>
    /// Copies one stored file (a bytea column selected by id) into the zip, straight off the wire: Npgsql hands the
    /// column over as a stream with SequentialAccess instead of one byte array. A row gone meanwhile is skipped.
    /// </summary>
    private static async Task AddStoredAsync(ZipArchive zip, PortalDbContext db, string sql, Guid id, string path, List<DossierFile> files, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct))
        {
            return;
        }
        await using var content = reader.GetStream(0);
        // Evidence is PDF, JPEG, PNG or OFD, already compressed: deflating gigabytes of it again would only cost CPU.
        files.Add(await AddAsync(zip, path, content, files, ct, CompressionLevel.NoCompression));
    }

    /// <summary>The review records as the stages left them: decisions, 推荐意见, points or judgements, sign-off; site checks and returns.</summary>
    private static async Task<object> ReviewRecordsAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var stages = application.Campaign?.Stages ?? [];
        var organisations = db.Organisations.AsNoTracking();
        var reviews = await db.StageReviews.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.StageOrder)
            .Select(r => new { Review = r, Organisation = organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var checks = await db.SiteChecks.AsNoTracking().Where(c => c.ApplicationId == application.Id).OrderBy(c => c.CheckedOn)
            .Select(c => new
            {
                c.StageOrder, Organisation = organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                c.CheckedOn, c.People, c.Findings, Attachments = c.Attachments.Select(a => new { a.FileName, a.SizeBytes, a.Sha256 }).ToList(),
            }).ToListAsync(ct);
        var returns = await db.RevisionRequests.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.ReturnedAt)
            .Select(r => new { r.StageOrder, r.ReturnedAt, r.GeneralComment, r.SectionComments, r.ReturnedSubmissionSequence }).ToListAsync(ct);
        return new
        {
            application = new { application.Number, application.Title, organisation = application.Organisation?.Name, status = application.Status.ToChinese() },
            stageReviews = reviews.Select(x => new
            {
                stage = stages.FirstOrDefault(s => s.Order == x.Review.StageOrder)?.Name ?? x.Review.StageOrder.ToString(CultureInfo.InvariantCulture),
                organisation = x.Organisation,
                decision = ReviewDecisionWords.Of(x.Review.Decision),
                x.Review.Opinion,
                x.Review.DecisionReason,
                x.Review.Points,
                x.Review.Judgements,
                x.Review.Comments,
                x.Review.DecidedAt,
                x.Review.SignedOffAt,
                x.Review.SignedOffByName,
                assessmentAtSignOff = x.Review.AssessmentJson is { } json ? JsonDocument.Parse(json).RootElement : (JsonElement?)null,
            }),
            siteChecks = checks,
            returns,
        };
    }

    /// <summary>Copies <paramref name="content"/> into a new entry in chunks, hashing as it goes.</summary>
    private static async Task<DossierFile> AddAsync(
        ZipArchive zip, string path, Stream content, List<DossierFile>? files, CancellationToken ct, CompressionLevel level = CompressionLevel.Optimal)
    {
        if (files is not null && files.Any(f => f.Path == path))
        {
            throw new InvalidOperationException($"Duplicate dossier path {path}.");
        }
        var entry = zip.CreateEntry(path, level);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        await using (var target = await entry.OpenAsync(ct))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        await content.DisposeAsync();
        return new DossierFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A name safe as one path segment in a zip on any system: no separators, control or reserved characters.</summary>
    public static string SafeName(string name)
    {
        var invalid = new HashSet<char>(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);
        var clean = new string([.. (name ?? "").Select(c => char.IsControl(c) || invalid.Contains(c) ? '_' : c)]).Trim().TrimStart('.');
        return clean.Length == 0 ? "_" : clean.Length > 100 ? clean[..100] : clean;
    }

    /// <summary>
    /// Lets the zip write onto a response that refuses synchronous writes. Closing an entry still flushes its
    /// compressor and writes the data descriptor synchronously (.NET 10); those few bytes wait here and go out, in
    /// order, ahead of the next asynchronous write. Everything else passes straight through, so nothing accumulates.
    /// </summary>
    private sealed class AsyncWriteStream(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await DrainAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public async Task DrainAsync(CancellationToken ct)
        {
            if (_pending.Length > 0)
            {
                await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
                _pending.SetLength(0);
            }
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await DrainAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        // Nothing to do synchronously: the pending bytes go out with the next asynchronous write or DrainAsync.
        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
