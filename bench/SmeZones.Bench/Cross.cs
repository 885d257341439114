using System.Net;

namespace SmeZones.Bench;

/// <summary>
/// One browser against two portal instances on one database (bench/two-instances.sh): it signs in on A, then is
/// still signed in on B, and a form read from A is accepted when posted to B. Both rest on the data-protection keys
/// being shared through PostgreSQL. Exit code 1 names the first check that failed.
/// </summary>
internal static class Cross
{
    public static async Task<int> RunAsync(Options options)
    {
        var line = File.ReadLines(options.Required("ids")).First().Split('\t');
        var cookies = new CookieContainer();
        using var a = new PortalClient(new Uri(options.Required("a")), line[0], Guid.Parse(line[1]), cookies);
        using var b = new PortalClient(new Uri(options.Required("b")), line[0], Guid.Parse(line[1]), cookies);
        await a.SignInAsync(options.Get("password", "SmeZones#2026"));

        var onB = await b.GetAsync("/Applications");
        if (onB.Status != HttpStatusCode.OK)
        {
            Console.WriteLine($"FAIL: signed in on A, B answered {(int)onB.Status} for /Applications (expected 200).");
            return 1;
        }
        Console.WriteLine("ok: a sign-in on instance A is valid on instance B");

        var section = a.SectionKeys((await a.GetAsync($"/Applications/{a.ApplicationId}")).Body)[0];
        var form = await a.GetAsync(a.SectionPath(section));
        var saved = await b.PostFormAsync(b.SectionPath(section), PortalClient.FormFields(form.Body));
        if (saved.Status != HttpStatusCode.Redirect)
        {
            Console.WriteLine($"FAIL: a form read from A and posted to B answered {(int)saved.Status} (expected 302 after the save).");
            return 1;
        }
        Console.WriteLine("ok: an antiforgery token issued by A is accepted by B (the section saved)");
        return 0;
    }
}
