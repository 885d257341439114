using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace SmeZones.Bench;

/// <summary>
/// Issue 13 items 2 and 4 against the running portal, one client at a time (what one officer sees):
/// L1 a page of the provincial reviewer's inbox, L2 a page of the ministry's national list (random pages, all sort
/// orders), X the national summary .xlsx against a PostgreSQL COPY of the same rows to a file, D a dossier of large
/// evidence rows with the portal's VmRSS sampled every 100 ms. Writes Markdown.
/// </summary>
internal static partial class Lists
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Get("url", "http://127.0.0.1:5099"));
        var campaign = options.Int("campaign", 0);
        var samples = options.Int("samples", 200);
        var password = options.Get("password", "SmeZones#2026");
        var portal = new PortalProcess(options.Int("pid", 0));
        var output = new StringBuilder();
        var failed = false;

        using var reviewer = new PortalClient(url, options.Get("reviewer", "reviewer.guangdong"), Guid.Empty);
        using var ministry = new PortalClient(url, "ministry", Guid.Empty, timeout: TimeSpan.FromMinutes(5));
        await reviewer.SignInAsync(password);
        await ministry.SignInAsync(password);

        // `--only dossier`: the dossier alone (run.sh measures the portal's memory between the lists and the dossier).
        if (options.Get("only", "") != "dossier")
        {
            output.AppendLine("| phase (one client, sequential) | requests | errors | p50 ms | p95 ms | p99 ms | max ms | rows on a page | total |");
            output.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            string[] inboxSorts = ["", "&sort=title", "&sort=number", "&sort=submitted-asc"];
            var health = await TimeAsync(reviewer, samples, _ => "/health/live", null);
            output.AppendLine(Row("floor: GET /health/live", health.Series, "–", "–"));
            var inbox = await TimeAsync(reviewer, samples, i => $"/Review?p={Page(i)}{inboxSorts[i % inboxSorts.Length]}", "inbox");
            output.AppendLine(Row("L1. GET /Review (reviewer.guangdong), random page", inbox.Series, inbox.Rows, inbox.Total));
            // The ministry's own inbox holds every application that reached its stage: the inbox at the full 5,000.
            var ministryInbox = await TimeAsync(ministry, samples, i => $"/Review?p={Page(i)}{inboxSorts[i % inboxSorts.Length]}", "inbox");
            output.AppendLine(Row("L1′. GET /Review (ministry), random page", ministryInbox.Series, ministryInbox.Rows, ministryInbox.Total));
            var national = await TimeAsync(ministry, samples, i => $"/Ministry/Applications?campaignId={campaign}&p={Page(i)}", "national");
            output.AppendLine(Row("L2. GET /Ministry/Applications (ministry), random page", national.Series, national.Rows, national.Total));
            failed |= inbox.Series.Errors > 0 || ministryInbox.Series.Errors > 0 || national.Series.Errors > 0;

            // X: the export against COPY of the same rows (the application lines and the verdict the unit signed off with).
            var copy = new Series();
            var xlsx = new Series();
            long xlsxBytes = 0, copyBytes = 0;
            var connection = options.Get("connection", "");
            var file = Path.Combine(Path.GetTempPath(), $"smezones-bench-copy-{Environment.ProcessId}.tsv");
            for (var i = 0; i < 4; i++)
            {
                var (status, bytes, ms) = await ministry.DrainAsync($"/Ministry/Overview?campaignId={campaign}&handler=Xlsx");
                if (status != HttpStatusCode.OK) { xlsx.Fail($"xlsx answered {(int)status}"); continue; }
                if (i > 0) { xlsx.Milliseconds.Add(ms); }
                xlsxBytes = bytes;
                if (connection.Length > 0)
                {
                    var started = Stopwatch.GetTimestamp();
                    copyBytes = await CopyAsync(connection, campaign, file);
                    if (i > 0) { copy.Milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); }
                }
            }
            File.Delete(file);
            xlsx.Milliseconds.Sort();
            copy.Milliseconds.Sort();
            failed |= xlsx.Errors > 0;
            var ratio = xlsx.Percentile(50) / copy.Percentile(50);
            output.AppendLine();
            output.AppendLine($"X. National summary .xlsx ({national.Total} applications): median {Series.Ms(xlsx.Percentile(50))} ms " +
                $"(max {Series.Ms(xlsx.Percentile(100))}), {xlsxBytes / 1024.0:0} KiB; PostgreSQL COPY of the same rows to a file: median " +
                $"{Series.Ms(copy.Percentile(50))} ms, {copyBytes / 1024.0:0} KiB; ratio **{ratio:0.0}×** (goal ≤ 5×; 3 runs each after one warm-up)." +
                (xlsx.FirstError is { } why ? $" Errors: {why}." : ""));
        }

        if (options.Get("dossier", "") is { Length: > 0 } dossierId)
        {
            var before = portal.StatusKiB("VmRSS");
            using var sampling = new CancellationTokenSource();
            var peak = portal.Pid > 0 ? portal.PeakRssWhileAsync(sampling.Token) : Task.FromResult(0L);
            var (status, bytes, ms) = await ministry.DrainAsync($"/Ministry/Applications/Dossier?id={dossierId}");
            await sampling.CancelAsync();
            var peakKiB = await peak;
            failed |= status != HttpStatusCode.OK;
            output.AppendLine();
            output.AppendLine($"D. Dossier of one application with {options.Get("dossier-mb", "?")} MiB of evidence: {(int)status}, " +
                $"{bytes / 1048576.0:0} MiB in {ms / 1000:0.0} s ({bytes / 1048576.0 / (ms / 1000):0} MiB/s); portal VmRSS before " +
                $"{before / 1024.0:0} MiB, **peak while downloading {peakKiB / 1024.0:0} MiB** (goal < 400 MiB), sampled every 100 ms.");
        }

        var text = output.ToString();
        Console.Write(text);
        if (options.Get("out", "") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text);
        }
        return failed ? 1 : 0;
    }

    /// <summary>Seeds evidence rows of 256 MiB (pseudo-random, so deflate cannot shrink them) on one application, server-side copies of one upload.</summary>
    public static async Task<int> SeedDossierAsync(Options options)
    {
        var application = Guid.Parse(options.Required("application"));
        var megabytes = options.Int("mb", 2048);
        const int Piece = 256;
        var started = Stopwatch.GetTimestamp();
        await using var data = NpgsqlDataSource.Create(options.Required("connection"));
        await using var connection = await data.OpenConnectionAsync();
        var first = Guid.Empty;
        for (var i = 0; i < (megabytes + Piece - 1) / Piece; i++)
        {
            var id = Guid.NewGuid();
            await using (var evidence = new NpgsqlCommand("""
                INSERT INTO "Evidence" ("Id", "ApplicationId", "SlotKey", "FileName", "ContentType", "SizeBytes", "Sha256", "UploadedById", "UploadedAt")
                SELECT @id, @app, '1', @name, 'application/pdf', @size, repeat('0', 64), s."SubmittedById", now()
                FROM "Applications" a JOIN "Submissions" s ON s."ApplicationId" = a."Id" WHERE a."Id" = @app ORDER BY s."Sequence" DESC LIMIT 1
                """, connection))
            {
                evidence.Parameters.AddWithValue("id", id);
                evidence.Parameters.AddWithValue("app", application);
                evidence.Parameters.AddWithValue("name", $"大文件-{i + 1:00}.pdf");
                evidence.Parameters.AddWithValue("size", (long)Piece << 20);
                await evidence.ExecuteNonQueryAsync();
            }
            await using var content = first == Guid.Empty
                ? new NpgsqlCommand("""INSERT INTO "EvidenceContents" ("EvidenceId", "Bytes") VALUES (@id, @bytes)""", connection)
                : new NpgsqlCommand("""INSERT INTO "EvidenceContents" ("EvidenceId", "Bytes") SELECT @id, "Bytes" FROM "EvidenceContents" WHERE "EvidenceId" = @first""", connection);
            content.Parameters.AddWithValue("id", id);
            content.CommandTimeout = 600;
            if (first == Guid.Empty)
            {
                // Streamed to the server from a generator: the bench never holds the file either.
                content.Parameters.Add(new NpgsqlParameter("bytes", NpgsqlDbType.Bytea) { Value = new NoiseStream((long)Piece << 20), Size = Piece << 20 });
                first = id;
            }
            else
            {
                content.Parameters.AddWithValue("first", first);
            }
            await content.ExecuteNonQueryAsync();
        }
        Console.Error.WriteLine($"Seeded {(megabytes + Piece - 1) / Piece} evidence rows of {Piece} MiB on {application} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.");
        return 0;
    }

    private sealed record Timed(Series Series, string Rows, string Total);

    // Pages 1…100 in a scrambled order (5,000 rows at 50 a page); a page past the end is the last one.
    private static int Page(int i) => 1 + (int)(((uint)i * 2654435761u) % 100u);

    private static async Task<Timed> TimeAsync(PortalClient client, int samples, Func<int, string> path, string? kind)
    {
        var series = new Series();
        string rows = "–", total = "–";
        for (var i = -20; i < samples; i++)
        {
            var (status, body, ms) = await client.GetAsync(path(Math.Max(i, 0)));
            if (status != HttpStatusCode.OK)
            {
                series.Fail($"{path(Math.Max(i, 0))} answered {(int)status}");
                continue;
            }
            if (i < 0) { continue; }
            series.Milliseconds.Add(ms);
            if (kind is not null && i == 0)
            {
                rows = RowPattern().Count(body).ToString(CultureInfo.InvariantCulture);
                total = TotalPattern().Match(body) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : "?";
            }
        }
        series.Milliseconds.Sort();
        return new Timed(series, rows, total);
    }

    private static string Row(string name, Series s, string rows, string total) =>
        $"| {name} | {s.Milliseconds.Count} | {s.Errors} | {Series.Ms(s.Percentile(50))} | {Series.Ms(s.Percentile(95))} | " +
        $"{Series.Ms(s.Percentile(99))} | {Series.Ms(s.Percentile(100))} | {rows} | {total} |" + (s.FirstError is { } e ? $" ({e})" : "");

    /// <summary>COPY (the national summary's rows) TO STDOUT, written to a file: the floor of any export of them.</summary>
    private static async Task<long> CopyAsync(string connectionString, int campaign, string file)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var connection = await data.OpenConnectionAsync();
        var sql = $"""
            COPY (SELECT a."Number", a."Title", a."ProvincialUnitCode", a."SummaryIntro", a."SummaryPartners", a."Answers", r."Decision", r."SignedOffAt"
                  FROM "Applications" a JOIN "StageReviews" r ON r."ApplicationId" = a."Id" AND r."Decision" = 1 AND r."SignedOffAt" IS NOT NULL
                  JOIN "ReviewStages" s ON s."CampaignId" = a."CampaignId" AND s."Order" = r."StageOrder" AND s."Level" = 3
                  WHERE a."CampaignId" = {campaign} ORDER BY a."ProvincialUnitCode", a."Number") TO STDOUT
            """;
        using var reader = await connection.BeginTextExportAsync(sql);
        await using var target = new StreamWriter(file, false, new UTF8Encoding(false));
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read));
        }
        await target.FlushAsync();
        return new FileInfo(file).Length;
    }

    [GeneratedRegex("<tr data-application=|<tr>\\s*<td><a href=\"/Ministry/Applications/[0-9a-f-]{36}\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("共 (\\d+) (?:件|项|条)|（(\\d+) 条）")]
    private static partial Regex TotalPattern();

    /// <summary>Pseudo-random bytes of a given length, generated as read.</summary>
    private sealed class NoiseStream(long length) : Stream
    {
        private readonly Random _random = new(13);
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            _random.NextBytes(buffer.AsSpan(offset, n));
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
