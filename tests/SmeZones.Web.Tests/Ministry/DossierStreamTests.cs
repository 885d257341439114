using System.Security.Cryptography;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>A dossier is streamed (ADR 0018, issue 13 item 4): no whole file, nor the whole zip, is ever held in memory.</summary>
[Collection(PortalCollection.Name)]
public class DossierStreamTests(PortalHost host)
{
    [Fact]
    public async Task A_dossier_with_a_96_MB_evidence_file_downloads_while_the_process_allocates_far_less_than_the_file()
    {
        const int Size = 96 << 20;
        var round = await host.NationalRoundAsync();
        var bytes = RandomNumberGenerator.GetBytes(Size); // random: the zip cannot shrink it
        var application = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, null, ("1", bytes));
        bytes = null;
        GC.Collect();
        using var client = await host.SignedInAsync(round.Ministry);

        // The web tests run one at a time (one collection), so what this process allocates now is the download's.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Applications/Dossier?id={application.Id}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            received += read;
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(received > Size, $"The zip holds the {Size:N0}-byte file: {received:N0} bytes received.");
        Assert.True(allocated < Size / 3, $"Allocated {allocated:N0} bytes while streaming a {Size:N0}-byte evidence file.");
    }
}
