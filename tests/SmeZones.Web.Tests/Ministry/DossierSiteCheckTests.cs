using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>The dossier carries the files of the 实地抽查 records, the province's and the ministry's, each hashed in manifest.csv.</summary>
[Collection(PortalCollection.Name)]
public class DossierSiteCheckTests(PortalHost host)
{
    [Fact]
    public async Task The_dossier_holds_the_province_and_ministry_site_check_files_under_their_own_folder_and_the_manifest_hashes_match()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateRecommendationAsync(
            chain, chain.ApplicantOrganisation, chain.ProvinceOrganisation, host.Clock.GetUtcNow().AddDays(-3));
        var ministry = await host.TestData.CreateUserAsync(Roles.Ministry);
        var minutes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();
        var photo = RandomNumberGenerator.GetBytes(300_000); // several chunks of the copy from PostgreSQL
        var ministryMinutes = Encoding.UTF8.GetBytes("%PDF-1.4\n% 部级抽查纪要\n%%EOF\n");
        await AddSiteCheckAsync(application.Id, 1, chain.Province, new DateOnly(2026, 9, 1), ("抽查纪要.pdf", minutes), ("现场照片.jpg", photo));
        await AddSiteCheckAsync(application.Id, 2, ministry, new DateOnly(2026, 10, 8), ("部级抽查纪要.pdf", ministryMinutes));
        using var client = await host.SignedInAsync(ministry);

        using var response = await client.Http.GetAsync(new Uri($"/Ministry/Applications/Dossier?id={application.Id}", UriKind.Relative));

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = zip.Entries.ToDictionary(e => e.FullName, Read);
        var province = $"实地抽查记录附件/01-省级中小企业主管部门初审推荐-{chain.ProvinceOrganisation.Name}-2026-09-01";
        var national = $"实地抽查记录附件/02-工业和信息化部评审-{ministry.Organisation!.Name}-2026-10-08";
        Assert.Equal(minutes, files[$"{province}/001-抽查纪要.pdf"]);
        Assert.Equal(photo, files[$"{province}/002-现场照片.jpg"]);
        Assert.Equal(ministryMinutes, files[$"{national}/001-部级抽查纪要.pdf"]);

        var manifest = Manifest(files["manifest.csv"]);
        Assert.Equal(files.Keys.Where(k => k != "manifest.csv").Order(), manifest.Keys.Order());
        Assert.All(manifest, line => Assert.Equal(line.Value, Convert.ToHexStringLower(SHA256.HashData(files[line.Key]))));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), manifest[$"{province}/002-现场照片.jpg"]);
    }

    /// <summary>A 实地抽查 record of the user's authority at the stage, with its files stored as the site-check page stores them.</summary>
    private async Task AddSiteCheckAsync(Guid applicationId, int stageOrder, PortalUser by, DateOnly checkedOn, params (string Name, byte[] Bytes)[] files)
    {
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        db.SiteChecks.Add(new SiteCheck
        {
            Id = Guid.NewGuid(), ApplicationId = applicationId, StageOrder = stageOrder, OrganisationId = by.OrganisationId, CheckedOn = checkedOn,
            People = "王强、刘芳", Findings = "抽查情况与申报一致。", CreatedById = by.Id, CreatedAt = now,
            Attachments = [.. files.Select((f, i) => new SiteCheckAttachment
            {
                Id = Guid.NewGuid(), FileName = f.Name, ContentType = f.Name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/jpeg",
                SizeBytes = f.Bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Bytes)), Bytes = f.Bytes,
                UploadedById = by.Id, UploadedAt = now.AddSeconds(i),
            })],
        });
        await db.SaveChangesAsync();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>manifest.csv (UTF-8 with BOM; path,size,sha256) as path → hash.</summary>
    private static Dictionary<string, string> Manifest(byte[] csv)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("path,size,sha256", lines[0]);
        return lines.Skip(1).Select(line => line.Split(',')).ToDictionary(cells => cells[0].Trim('"'), cells => cells[^1]);
    }
}
