using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Ministry;

[Collection(PortalCollection.Name)]
public class DossierTests(PortalHost host)
{
    [Fact]
    public async Task The_dossier_holds_the_form_evidence_snapshot_and_reviews_and_its_manifest_hashes_match_its_files()
    {
        var round = await host.NationalRoundAsync();
        var large = RandomNumberGenerator.GetBytes(600_000); // several chunks of the copy from PostgreSQL
        var small = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();
        var application = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: true, null,
            ("1", large), ("3", small));
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Applications/Dossier?id={application.Id}", UriKind.Relative));

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = zip.Entries.ToDictionary(e => e.FullName, Read);
        var manifest = Manifest(files["manifest.csv"]);
        Assert.Equal(files.Keys.Where(k => k != "manifest.csv").Order(), manifest.Keys.Order());
        Assert.All(manifest, line => Assert.Equal(line.Value, Convert.ToHexStringLower(SHA256.HashData(files[line.Key]))));

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(files[$"申报表-{application.Number}.pdf"][..4]), StringComparison.Ordinal);
        Assert.Equal(large, files["佐证材料/佐证材料1/001-佐证1.pdf"]);
        Assert.Equal(small, files["佐证材料/佐证材料3/002-佐证3.pdf"]);
        Assert.Contains(application.Title, Encoding.UTF8.GetString(files["提交快照-第1次.json"]), StringComparison.Ordinal);
        var reviews = Encoding.UTF8.GetString(files["审核记录.json"]);
        Assert.Contains($"同意推荐{application.Title}", reviews, StringComparison.Ordinal);
        Assert.Contains("省级初审推荐", reviews, StringComparison.Ordinal);

        await using var db = host.NewDbContext();
        Assert.Contains(db.AuditEvents, e => e.Action == "DossierDownloaded" && e.EntityId == application.Id.ToString());
    }

    [Fact]
    public async Task A_units_dossier_holds_each_of_its_signed_off_recommendations_in_its_own_folder()
    {
        var round = await host.NationalRoundAsync();
        var first = await host.SignedOffAsync(round);
        var second = await host.SignedOffAsync(round);
        var unsigned = await host.AtProvinceAsync(round, round.Foshan, ReviewDecision.Recommend, signedOff: false);
        var sichuan = await host.SignedOffAsync(round, round.Chengdu);
        using var client = await host.SignedInAsync(round.Ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Applications/Dossier?campaignId={round.Id}&unit=440000", UriKind.Relative));

        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var folders = zip.Entries.Where(e => e.FullName.Contains('/', StringComparison.Ordinal)).Select(e => e.FullName.Split('/')[0]).Distinct().Order().ToList();
        Assert.Equal([$"{first.Number} {first.Title}", $"{second.Number} {second.Title}"], folders);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(unsigned.Number, StringComparison.Ordinal) || e.FullName.Contains(sichuan.Number, StringComparison.Ordinal));
        var manifest = Manifest(Read(zip.GetEntry("manifest.csv")!));
        Assert.All(manifest, line => Assert.Equal(line.Value, Convert.ToHexStringLower(SHA256.HashData(Read(zip.GetEntry(line.Key)!)))));
        Assert.Equal(zip.Entries.Count - 1, manifest.Count);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>manifest.csv (UTF-8 with BOM; path,size,sha256) as path → hash, checking each size on the way.</summary>
    private static Dictionary<string, string> Manifest(byte[] csv)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("path,size,sha256", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var hashStart = line.LastIndexOf(',');
            var sizeStart = line.LastIndexOf(',', hashStart - 1);
            return (Path: line[1..(sizeStart - 1)].Replace("\"\"", "\"", StringComparison.Ordinal), Hash: line[(hashStart + 1)..]);
        }).ToDictionary(x => x.Path, x => x.Hash);
    }
}
