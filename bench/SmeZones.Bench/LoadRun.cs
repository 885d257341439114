using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SmeZones.Bench;

/// <summary>
/// Signs in N clients, each with its own application, and runs four closed-loop phases (each client sends its next
/// request when the previous one is answered): GET /health/live, GET a signed-in page that reads nothing of its own,
/// GET the largest section page, POST that page. Then times one application's PDF. Prints a Markdown report.
/// </summary>
internal static class LoadRun
{
    private sealed record Phase(string Name, string What, int Round, Series Main, Series? Aux, string? AuxName, double Seconds, Usage Usage, long PeakRssKiB);

    /// <summary>CPU seconds over a phase by whom, and database transactions (≈ statements: EF runs each on its own).</summary>
    private sealed record Usage(double Portal, double Postgres, double Generator, double Machine, long DbTransactions)
    {
        public double Others => Math.Max(0, Machine - Portal - Postgres - Generator);

        public Usage Minus(Usage before) => new(Portal - before.Portal, Postgres - before.Postgres, Generator - before.Generator,
            Machine - before.Machine, DbTransactions - before.DbTransactions);
    }

    private sealed record Probes(PortalProcess? Portal, PortalProcess? Postgres, string? Connection)
    {
        public async Task<Usage> ReadAsync() => new(
            Portal?.CpuSeconds() ?? 0, Postgres?.TreeCpuSeconds() ?? 0, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            PortalProcess.MachineBusySeconds(), await TransactionsAsync());

        private async Task<long> TransactionsAsync()
        {
            if (Connection is null)
            {
                return 0;
            }
            await using var connection = new Npgsql.NpgsqlConnection(Connection);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
    }

    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url", "http://127.0.0.1:5099"));
        var clientCount = options.Int("clients", 32);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup", 5));
        var duration = TimeSpan.FromSeconds(options.Int("duration", 20));
        var password = options.Get("password", "SmeZones#2026");
        var rounds = options.Int("rounds", 3);
        var portal = options.Int("pid", 0) is var pid and > 0 ? new PortalProcess(pid) : null;
        var probes = new Probes(portal, options.Int("pg-pid", 0) is var pgPid and > 0 ? new PortalProcess(pgPid) : null,
            options.Get("connection", "") is { Length: > 0 } cs ? cs : null);
        var output = options.Get("out", "");

        // Client i takes the i-th application of its user (users alternate), so no two clients share one.
        var byUser = File.ReadAllLines(options.Required("ids")).Select(l => l.Split('\t'))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => Guid.Parse(p[1])).ToList());
        var users = byUser.Keys.Order(StringComparer.Ordinal).ToList();
        var clients = Enumerable.Range(0, clientCount)
            .Select(i => new PortalClient(baseUrl, users[i % users.Count], byUser[users[i % users.Count]][i / users.Count])).ToList();
        try
        {
            Console.Error.WriteLine($"Signing in {clientCount} clients ({string.Join(", ", users)}) …");
            foreach (var client in clients)
            {
                await client.SignInAsync(password);
            }

            var (sectionKey, survey) = await ChooseSectionAsync(clients[0], options.Get("section", "auto"));
            var phases = new List<Phase>();
            // A subset (e.g. --phases B) is for profiling one phase; the default runs all four.
            var which = options.Get("phases", AllPhases);
            for (var round = 1; round <= rounds; round++)
            {
                if (which.Contains('A', StringComparison.Ordinal))
                {
                    phases.Add(await RunPhaseAsync("A", "GET /health/live", round, clients, probes, warmup, duration, c => new GetStep(c, HealthPath, null)));
                }
                if (which.Contains('S', StringComparison.Ordinal))
                {
                    phases.Add(await RunPhaseAsync("S", $"GET {SignedInFloorPath} (signed-in floor)", round, clients, probes, warmup, duration,
                        c => new GetStep(c, SignedInFloorPath, "__RequestVerificationToken")));
                }
                if (which.Contains('B', StringComparison.Ordinal))
                {
                    phases.Add(await RunPhaseAsync("B", $"GET section `{sectionKey}`", round, clients, probes, warmup, duration, c => new GetStep(c, c.SectionPath(sectionKey), "section-form")));
                }
                if (which.Contains('C', StringComparison.Ordinal))
                {
                    phases.Add(await RunPhaseAsync("C", $"POST section `{sectionKey}`", round, clients, probes, warmup, duration,
                        c => new PostSectionStep(c, sectionKey), "GET after save"));
                }
            }
            // After the rounds, when the portal's code is jitted and tiered up: what each page costs in CPU.
            var full = which == AllPhases;
            survey = full ? await CpuSurveyAsync(clients[0], portal, survey) : survey;
            var pdf = full ? await TimePdfAsync(clients[0]) : new PdfTiming(0, [], 0, null);

            var report = Report(baseUrl, clientCount, warmup, duration, rounds, users, sectionKey, survey, phases, pdf, portal);
            Console.WriteLine(report);
            if (output.Length > 0)
            {
                await File.WriteAllTextAsync(output, report);
            }
            return phases.Any(p => p.Main.Errors > 0 || (p.Aux?.Errors ?? 0) > 0) || pdf.Error is not null ? 1 : 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Every section of one application: answer slots, page size, GET time; "auto" picks the one with most slots.</summary>
    private const string AllPhases = "ASBC";
    private const string HealthPath = "/health/live";

    /// <summary>
    /// A second floor, for the pages: authentication and the session check (one statement), the layout with its menu,
    /// one form with its antiforgery token, request logging; no application read and no form of the programme.
    /// </summary>
    private const string SignedInFloorPath = "/Account/ChangePassword";

    private static async Task<(string Key, List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)> Survey)> ChooseSectionAsync(
        PortalClient client, string wanted)
    {
        var first = await client.GetAsync(client.SectionPath("cover"));
        Require(first.Status == HttpStatusCode.OK, $"GET cover answered {(int)first.Status}");
        var survey = new List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)>();
        foreach (var key in client.SectionKeys(first.Body))
        {
            await client.GetAsync(client.SectionPath(key)); // once to warm the page's code path, then the median of 5
            var times = new List<double>();
            var body = "";
            for (var i = 0; i < 5; i++)
            {
                var page = await client.GetAsync(client.SectionPath(key));
                Require(page.Status == HttpStatusCode.OK, $"GET section {key} answered {(int)page.Status}");
                times.Add(page.Ms);
                body = page.Body;
            }
            times.Sort();
            survey.Add((key, PortalClient.Controls(body).Slots.Count, Encoding.UTF8.GetByteCount(body), times[2], double.NaN));
        }
        var chosen = wanted == "auto" ? survey.OrderByDescending(s => s.Slots).ThenByDescending(s => s.Bytes).First().Key : wanted;
        return (chosen, survey);
    }

    /// <summary>
    /// The portal's CPU per request of each page from 100 sequential GETs by one client (1,000 of /health/live):
    /// CPU time hardly depends on what else runs, so it shows what a page costs when wall-clock latencies are noisy.
    /// </summary>
    private static async Task<List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)>> CpuSurveyAsync(
        PortalClient client, PortalProcess? portal, List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)> survey)
    {
        Console.Error.WriteLine("CPU per page …");
        var health = (HealthPath, 0, 0, double.NaN, await CpuPerGetAsync(client, portal, HealthPath, 1000));
        var signedIn = (SignedInFloorPath, 0, 0, double.NaN, await CpuPerGetAsync(client, portal, SignedInFloorPath, 100));
        var measured = new List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)> { health, signedIn };
        foreach (var row in survey)
        {
            measured.Add(row with { CpuMs = await CpuPerGetAsync(client, portal, client.SectionPath(row.Key), 100) });
        }
        return measured;
    }

    private static async Task<double> CpuPerGetAsync(PortalClient client, PortalProcess? portal, string path, int count)
    {
        if (portal is null)
        {
            return double.NaN;
        }
        var before = portal.CpuSeconds();
        for (var i = 0; i < count; i++)
        {
            var (status, _, _) = await client.GetAsync(path);
            Require(status == HttpStatusCode.OK, $"GET {path} answered {(int)status}");
        }
        return (portal.CpuSeconds() - before) * 1000 / count;
    }

    /// <summary>What one client does over and over in a phase; series is null during the warm-up.</summary>
    private interface IStep
    {
        Task RunAsync(Series? main, Series? aux);
    }

    /// <summary>A GET that must answer 200 and, when <paramref name="mustContain"/> is given, a page that contains it.</summary>
    private sealed class GetStep(PortalClient client, string path, string? mustContain) : IStep
    {
        public async Task RunAsync(Series? main, Series? aux)
        {
            var (status, body, ms) = await client.GetAsync(path);
            Record(main, status == HttpStatusCode.OK && (mustContain is null || body.Contains(mustContain, StringComparison.Ordinal)), ms,
                $"GET {path} answered {(int)status}");
        }
    }

    /// <summary>
    /// Posts the whole section as a browser does, with one checkbox toggled so every save really changes one answer
    /// (an UPDATE of the application and an audit row). Only the POST (answered 302) is in the main series; the GET
    /// of the redirect target, which brings the new Version, goes into the aux series.
    /// </summary>
    private sealed class PostSectionStep(PortalClient client, string section) : IStep
    {
        private List<KeyValuePair<string, string>>? _fields;
        private string? _toggle;
        private bool _ticked;
        private string _version = "";
        private string _token = "";

        public async Task RunAsync(Series? main, Series? aux)
        {
            if (_fields is null)
            {
                var page = await client.GetAsync(client.SectionPath(section));
                Require(page.Status == HttpStatusCode.OK, $"GET section {section} answered {(int)page.Status}");
                Read(page.Body);
                _fields = PortalClient.FormFields(page.Body).Where(f => f.Key is not ("Version" or "__RequestVerificationToken")).ToList();
                // A plain yes/no box; not an "other" box, which would ask for its text.
                _toggle = PortalClient.Controls(page.Body).Checkboxes.FirstOrDefault(n => !n.EndsWith("otherChecked", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"Section {section} has no checkbox to toggle.");
                _ticked = _fields.Any(f => f.Key == _toggle);
            }

            _ticked = !_ticked;
            var posted = _fields.Where(f => f.Key != _toggle).ToList();
            if (_ticked)
            {
                posted.Add(new(_toggle!, "true"));
            }
            posted.Add(new("Version", _version));
            posted.Add(new("__RequestVerificationToken", _token));

            var path = client.SectionPath(section);
            var post = await client.PostFormAsync(path, posted);
            var saved = post.Status == HttpStatusCode.Redirect && post.Location == path;
            Record(main, saved, post.Ms, post.Status == HttpStatusCode.OK ? "POST answered 200 (conflict or refused answers)" : $"POST answered {(int)post.Status}");
            if (!saved)
            {
                _ticked = !_ticked;
                if (post.Status == HttpStatusCode.OK)
                {
                    Read(post.Body); // the page shown again carries the latest Version
                }
                return;
            }

            var after = await client.GetAsync(path);
            Record(aux, after.Status == HttpStatusCode.OK && after.Body.Contains("已保存（1 项）", StringComparison.Ordinal), after.Ms,
                $"GET after save answered {(int)after.Status} or without the saved notice");
            if (after.Status == HttpStatusCode.OK)
            {
                Read(after.Body);
            }
        }

        private void Read(string html)
        {
            _version = PortalClient.Version(html);
            _token = PortalClient.Token(html);
        }
    }

    private static void Record(Series? series, bool ok, double ms, string failure)
    {
        if (series is null)
        {
            return;
        }
        if (ok)
        {
            series.Milliseconds.Add(ms);
        }
        else
        {
            series.Fail(failure);
        }
    }

    private static async Task<Phase> RunPhaseAsync(string name, string what, int round, List<PortalClient> clients, Probes probes,
        TimeSpan warmup, TimeSpan duration, Func<PortalClient, IStep> stepFor, string? auxName = null)
    {
        Console.Error.WriteLine($"Round {round}, phase {name}: {what} — {clients.Count} clients, {warmup.TotalSeconds:0} s warm-up + {duration.TotalSeconds:0} s …");
        var steps = clients.Select(stepFor).ToList();
        var mains = clients.Select(_ => new Series()).ToList();
        var auxes = clients.Select(_ => new Series()).ToList();
        var measuring = 0;
        var stop = 0;

        using var sampling = new CancellationTokenSource();
        var workers = steps.Select((step, i) => Task.Run(async () =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                var counted = Volatile.Read(ref measuring) == 1;
                try
                {
                    await step.RunAsync(counted ? mains[i] : null, counted ? auxes[i] : null);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    if (counted)
                    {
                        mains[i].Fail(ex.GetType().Name + ": " + ex.Message);
                    }
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Task.Delay(warmup);
        var before = await probes.ReadAsync();
        var peak = probes.Portal is null ? Task.FromResult(0L) : probes.Portal.PeakRssWhileAsync(sampling.Token);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(duration);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await sampling.CancelAsync();
        var used = (await probes.ReadAsync()).Minus(before);
        // A short pause between phases lets the portal, PostgreSQL and its statistics settle.
        await Task.Delay(1500);

        return new Phase(name, what, round, Series.Merge(mains), auxName is null ? null : Series.Merge(auxes), auxName, seconds, used, await peak);
    }

    private sealed record PdfTiming(double ColdMs, List<double> WarmMs, int Bytes, string? Error);

    /// <summary>One application's PDF, alone on an idle portal: the first (starts Playwright and Chromium), then five more.</summary>
    private static async Task<PdfTiming> TimePdfAsync(PortalClient client)
    {
        Console.Error.WriteLine("PDF: 1 cold + 5 warm …");
        var path = $"/Applications/{client.ApplicationId}/Pdf";
        var warm = new List<double>();
        double cold = 0;
        var bytes = 0;
        for (var i = 0; i < 6; i++)
        {
            var (status, body, ms) = await client.GetBytesAsync(path);
            if (status != HttpStatusCode.OK || body.Length < 5 || Encoding.ASCII.GetString(body, 0, 5) != "%PDF-")
            {
                return new PdfTiming(cold, warm, bytes, $"PDF answered {(int)status} ({body.Length} bytes)");
            }
            bytes = body.Length;
            if (i == 0)
            {
                cold = ms;
            }
            else
            {
                warm.Add(ms);
            }
        }
        warm.Sort();
        return new PdfTiming(cold, warm, bytes, null);
    }

    private static string Report(Uri baseUrl, int clients, TimeSpan warmup, TimeSpan duration, int rounds, List<string> users, string sectionKey,
        List<(string Key, int Slots, int Bytes, double Ms, double CpuMs)> survey, List<Phase> phases, PdfTiming pdf, PortalProcess? portal)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"### SmeZones bench — {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}").AppendLine();
        text.AppendLine(inv, $"{clients} closed-loop clients against {baseUrl} (signed in as {string.Join(" / ", users)}, one application each); " +
            $"{rounds} rounds of phases {string.Join(", ", phases.Select(p => p.Name).Distinct())}, each {warmup.TotalSeconds:0} s warm-up then {duration.TotalSeconds:0} s measured; " +
            $"{Environment.ProcessorCount} cores shared by the portal, PostgreSQL, this generator and whatever else runs.").AppendLine();

        text.AppendLine("Sections of one zone-2026 application, one client (answer slots = named controls in the section form; " +
            "GET = median of 5 before the load; portal CPU = the portal's CPU time over 100 sequential GETs ÷ 100, after the load):").AppendLine();
        text.AppendLine("| page | answer slots | page (KiB) | GET (ms) | portal CPU ms/GET |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (key, slots, bytes, ms, cpu) in survey)
        {
            var label = key.StartsWith('/') ? key : $"section `{key}`{(key == sectionKey ? " ← benchmarked" : "")}";
            text.AppendLine(inv, $"| {label} | {(key.StartsWith('/') ? "–" : slots)} | {(key.StartsWith('/') ? "–" : (bytes / 1024.0).ToString("0.0", inv))} | {Series.Ms(ms)} | {Series.Ms(cpu)} |");
        }
        text.AppendLine();

        text.AppendLine(inv, $"Median over the {rounds} rounds of each figure (latency from sending the request to the last byte of the answer):").AppendLine();
        text.AppendLine("| phase | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in phases.GroupBy(p => p.Name))
        {
            var list = group.ToList();
            SummaryRow(text, $"{group.Key}. {list[0].What}", list, p => p.Main);
            if (list[0].Aux is not null)
            {
                SummaryRow(text, $"{group.Key}′. {list[0].AuxName} (not in C)", list, p => p.Aux!);
            }
        }
        text.AppendLine();

        text.AppendLine("Each round, with where the CPU went (cores = CPU seconds ÷ measured seconds; others = the rest of the machine's busy time; " +
            "DB tx/req ≈ statements per request from pg_stat_database):").AppendLine();
        text.AppendLine("| round · phase | req/s | p50 | p95 | p99 | max | portal cores | PostgreSQL cores | generator cores | others cores | portal CPU ms/req | PostgreSQL CPU ms/req | DB tx/req | portal peak RSS MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in phases)
        {
            var n = Math.Max(1, p.Main.Milliseconds.Count);
            var u = p.Usage;
            text.AppendLine(inv, $"| {p.Round} · {p.Name} | {p.Main.Milliseconds.Count / p.Seconds:0.0} | {Series.Ms(p.Main.Percentile(50))} | {Series.Ms(p.Main.Percentile(95))} | " +
                $"{Series.Ms(p.Main.Percentile(99))} | {Series.Ms(Max(p.Main))} | {u.Portal / p.Seconds:0.00} | {u.Postgres / p.Seconds:0.00} | " +
                $"{u.Generator / p.Seconds:0.00} | {u.Others / p.Seconds:0.00} | {u.Portal * 1000 / n:0.0} | {u.Postgres * 1000 / n:0.0} | {(double)u.DbTransactions / n:0.0} | {p.PeakRssKiB / 1024.0:0} |");
        }
        text.AppendLine();
        text.AppendLine("In C the CPU and DB figures per request cover the whole loop: the POST and the GET after it.").AppendLine();
        foreach (var p in phases.Where(p => p.Main.FirstError is not null || p.Aux?.FirstError is not null))
        {
            text.AppendLine(inv, $"Round {p.Round} phase {p.Name}: {p.Main.Errors + (p.Aux?.Errors ?? 0)} errors, the first: {p.Main.FirstError ?? p.Aux?.FirstError}").AppendLine();
        }

        if (pdf.Error is null && pdf.WarmMs.Count > 0)
        {
            text.AppendLine(inv, $"PDF of one application (`/Applications/{{id}}/Pdf`, {pdf.Bytes / 1024.0:0} KiB, after the load, one client): cold (the first, which starts Playwright's driver and Chromium) " +
                $"**{pdf.ColdMs:0} ms**; warm median of {pdf.WarmMs.Count} **{pdf.WarmMs[pdf.WarmMs.Count / 2]:0} ms** " +
                $"(min {pdf.WarmMs[0]:0}, max {pdf.WarmMs[^1]:0}).").AppendLine();
        }
        else if (pdf.Error is not null)
        {
            text.AppendLine(inv, $"PDF failed: {pdf.Error}").AppendLine();
        }

        if (portal is not null)
        {
            text.AppendLine(inv, $"Portal process at the end: VmHWM (peak resident) **{portal.StatusKiB("VmHWM") / 1024.0:0} MiB**, " +
                $"VmRSS {portal.StatusKiB("VmRSS") / 1024.0:0} MiB; its children (Playwright's driver, Chromium) {portal.DescendantsRssKiB() / 1024.0:0} MiB resident.");
        }
        return text.ToString();

        void SummaryRow(StringBuilder t, string label, List<Phase> list, Func<Phase, Series> series)
        {
            double Median(Func<Phase, double> figure)
            {
                var values = list.Select(figure).Order().ToList();
                return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
            }
            t.AppendLine(inv, $"| {label} | {Median(p => series(p).Milliseconds.Count):0} | {list.Sum(p => series(p).Errors)} (all rounds) | " +
                $"{Median(p => series(p).Milliseconds.Count / p.Seconds):0.0} | {Series.Ms(Median(p => series(p).Percentile(50)))} | " +
                $"{Series.Ms(Median(p => series(p).Percentile(95)))} | {Series.Ms(Median(p => series(p).Percentile(99)))} | {Series.Ms(Median(p => Max(series(p))))} |");
        }

        static double Max(Series s) => s.Milliseconds.Count == 0 ? double.NaN : s.Milliseconds[^1];
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
