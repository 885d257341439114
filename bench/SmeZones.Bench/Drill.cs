using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;

namespace SmeZones.Bench;

/// <summary>
/// The fail-over drill's client (ops/failover-drill.sh): one signed-in applicant saving one text answer in a loop
/// ("演练-1", "演练-2", …) while the script stops the primary and promotes the standby. It prints the last save the
/// portal confirmed (answered 302) and the longest time without a confirmed save, so the script can check that the
/// promoted database holds that value.
/// </summary>
internal static class Drill
{
    public static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Get("url", "http://127.0.0.1:5099"));
        var line = File.ReadLines(options.Required("ids")).First().Split('\t');
        using var client = new PortalClient(baseUrl, line[0], Guid.Parse(line[1]));
        await client.SignInAsync(options.Get("password", "SmeZones#2026"));
        var (section, field) = await FindTextAnswerAsync(client);
        var until = Stopwatch.GetTimestamp() + (long)(options.Int("duration", 30) * (double)Stopwatch.Frequency);

        var confirmed = 0;
        var errors = 0;
        var lastConfirmedAt = Stopwatch.GetTimestamp();
        var longestGap = TimeSpan.Zero;
        while (Stopwatch.GetTimestamp() < until)
        {
            try
            {
                var page = await client.GetAsync(client.SectionPath(section));
                if (page.Status != HttpStatusCode.OK)
                {
                    throw new HttpRequestException($"GET answered {(int)page.Status}");
                }
                var fields = PortalClient.FormFields(page.Body).Where(f => f.Key != field).ToList();
                fields.Add(new(field, $"演练-{confirmed + 1}"));
                var saved = await client.PostFormAsync(client.SectionPath(section), fields);
                if (saved.Status != HttpStatusCode.Redirect)
                {
                    throw new HttpRequestException($"POST answered {(int)saved.Status}");
                }
                confirmed++;
                var now = Stopwatch.GetTimestamp();
                var gap = Stopwatch.GetElapsedTime(lastConfirmedAt, now);
                longestGap = gap > longestGap ? gap : longestGap;
                lastConfirmedAt = now;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                // The portal answers 503 while no primary is reachable; keep asking, as a user pressing 保存 again would.
                errors++;
                await Task.Delay(200);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"application={client.ApplicationId} field={field} confirmed={confirmed} last=演练-{confirmed} errors={errors} longest_gap_s={longestGap.TotalSeconds:0.0}"));
        return confirmed > 0 ? 0 : 1;
    }

    /// <summary>The first section whose form has a free-text answer (a textarea), and that answer's key.</summary>
    private static async Task<(string Section, string Field)> FindTextAnswerAsync(PortalClient client)
    {
        var overview = await client.GetAsync($"/Applications/{client.ApplicationId}");
        foreach (var key in client.SectionKeys(overview.Body))
        {
            var page = await client.GetAsync(client.SectionPath(key));
            var area = new HtmlParser().ParseDocument(page.Body).QuerySelector("form.section-form textarea[name]:not([readonly])");
            if (area is not null)
            {
                return (key, area.GetAttribute("name")!);
            }
        }
        throw new InvalidOperationException("No section of the application has a free-text answer.");
    }
}
