using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SmeZones.Bench;

/// <summary>
/// Issue 13 item 3 against the running portal: the PDF of one complete zone-2026 application (7 pages), cold (the
/// first of the process, unless an earlier phase made one) and warm (sequential, one client), then a burst of
/// simultaneous requests (each its own signed-in client and connection), then many documents from a few clients
/// while the resident memory of the portal's descendants (Playwright's driver, Chromium) is sampled. Writes Markdown.
/// </summary>
internal static class Pdfs
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Get("url", "http://127.0.0.1:5099"));
        var password = options.Get("password", "SmeZones#2026");
        var warmCount = options.Int("warm", 20);
        var burst = options.Int("burst", 16);
        var many = options.Int("many", 200);
        var manyClients = options.Int("many-clients", 4);
        var portal = options.Int("pid", 0) is var pid and > 0 ? new PortalProcess(pid) : null;
        var (user, application) = File.ReadLines(options.Required("ids")).Select(l => l.Split('\t'))
            .Select(p => (p[0], Guid.Parse(p[1]))).First();
        var path = $"/Applications/{application}/Pdf";
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var failed = false;

        var clients = Enumerable.Range(0, Math.Max(burst, manyClients))
            .Select(_ => new PortalClient(url, user, application, timeout: TimeSpan.FromMinutes(2))).ToList();
        try
        {
            foreach (var client in clients)
            {
                await client.SignInAsync(password);
            }

            long ChromiumKiB() => portal?.DescendantsRssKiB() ?? 0;
            long ChromiumPssKiB() => portal?.DescendantsPssKiB() ?? 0;
            var rssBefore = ChromiumKiB();
            text.AppendLine(inv, $"Load average before the PDF phases: {File.ReadAllText("/proc/loadavg").Trim()}; " +
                $"Chromium and Playwright's driver before the first PDF: {rssBefore / 1024} MiB.").AppendLine();
            text.AppendLine("| phase | documents | errors | p50 ms | p95 ms | max ms | wall s | KiB per PDF | CPU ms per document: portal + Chromium (portal alone) |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");

            Console.Error.WriteLine($"PDF: 1 cold + {warmCount} warm …");
            var cold = await RunAsync(clients.Take(1), 1, path, portal);
            text.AppendLine(Row("P1. cold (the process's first PDF, unless an earlier phase made one)", cold));
            var floor = await RunAsync(clients.Take(1), warmCount, $"/Applications/{application}/Print", portal, pdf: false);
            text.AppendLine(Row($"F. floor: the same print HTML (`/Print`, no Chromium), {warmCount} sequential", floor));
            var warm = await RunAsync(clients.Take(1), warmCount, path, portal);
            text.AppendLine(Row($"P2. warm, one client, {warmCount} sequential", warm));
            var rssWarm = ChromiumKiB();
            var pssWarm = ChromiumPssKiB();

            Console.Error.WriteLine($"PDF: {burst} at once …");
            var simultaneous = await RunAsync(clients.Take(burst), burst, path, portal);
            text.AppendLine(Row($"P3. {burst} requests at once ({burst} clients)", simultaneous));

            Console.Error.WriteLine($"PDF: {many} from {manyClients} clients, Chromium's memory sampled …");
            using var sampling = new CancellationTokenSource();
            var peak = PeakAsync(ChromiumKiB, sampling.Token);
            var peakPss = PeakAsync(ChromiumPssKiB, sampling.Token);
            var bulk = await RunAsync(clients.Take(manyClients), many, path, portal);
            await sampling.CancelAsync();
            text.AppendLine(Row($"P4. {many} documents, {manyClients} clients in a closed loop", bulk));
            var rssAfter = ChromiumKiB();
            var rssPeak = await peak;
            var pssAfter = ChromiumPssKiB();
            var pssPeak = await peakPss;
            text.AppendLine();
            text.AppendLine(inv, $"Chromium and Playwright's driver (resident, all processes under the portal): after the warm PDFs {rssWarm / 1024} MiB; " +
                $"highest during P4 (sampled every 200 ms) {rssPeak / 1024} MiB; after P4 {rssAfter / 1024} MiB " +
                $"(sum of VmRSS, which counts shared pages once per process; proportional, PSS: {pssWarm / 1024}, {pssPeak / 1024} and {pssAfter / 1024} MiB). " +
                $"Portal VmRSS at the end {(portal?.StatusKiB("VmRSS") ?? 0) / 1024} MiB. Load average after: {File.ReadAllText("/proc/loadavg").Trim()}.");
            failed = cold.Series.Errors + warm.Series.Errors + simultaneous.Series.Errors + bulk.Series.Errors > 0;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        var report = text.ToString();
        Console.WriteLine(report);
        if (options.Get("out", "") is { Length: > 0 } output)
        {
            await File.WriteAllTextAsync(output, report);
        }
        return failed ? 1 : 0;
    }

    private sealed record Result(Series Series, double WallSeconds, long Bytes, double TreeCpuMs, double PortalCpuMs);

    /// <summary>Total documents shared by the clients, each sending its next request when the previous one is answered.</summary>
    private static async Task<Result> RunAsync(IEnumerable<PortalClient> clients, int documents, string path, PortalProcess? portal, bool pdf = true)
    {
        var remaining = documents;
        long bytes = 0;
        // CPU of the portal and all it started (Chromium's processes, including browsers recycled meanwhile).
        var (tree, own) = (portal?.TreeCpuSeconds() ?? 0, portal?.CpuSeconds() ?? 0);
        var started = Stopwatch.GetTimestamp();
        var parts = await Task.WhenAll(clients.Select(async client =>
        {
            var series = new Series();
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var (status, body, ms) = await client.GetBytesAsync(path);
                if (status != HttpStatusCode.OK || (pdf && (body.Length < 5 || Encoding.ASCII.GetString(body, 0, 5) != "%PDF-")))
                {
                    series.Fail($"answered {(int)status} ({body.Length} bytes)");
                    continue;
                }
                series.Milliseconds.Add(ms);
                Interlocked.Exchange(ref bytes, body.Length);
            }
            return series;
        }));
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var done = Math.Max(1, documents);
        return new Result(Series.Merge(parts), wall, bytes,
            ((portal?.TreeCpuSeconds() ?? 0) - tree) * 1000 / done, ((portal?.CpuSeconds() ?? 0) - own) * 1000 / done);
    }

    private static string Row(string name, Result r) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.Series.Milliseconds.Count + r.Series.Errors} | {r.Series.Errors}{(r.Series.FirstError is { } e ? $" ({e})" : "")} | " +
        $"{Series.Ms(r.Series.Percentile(50))} | {Series.Ms(r.Series.Percentile(95))} | {Series.Ms(r.Series.Percentile(100))} | {r.WallSeconds:0.0} | {r.Bytes / 1024.0:0} | {r.TreeCpuMs:0} ({r.PortalCpuMs:0}) |");

    private static async Task<long> PeakAsync(Func<long> sample, CancellationToken stop)
    {
        var peak = 0L;
        try
        {
            while (true)
            {
                peak = Math.Max(peak, sample());
                await Task.Delay(200, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        return Math.Max(peak, sample());
    }
}
