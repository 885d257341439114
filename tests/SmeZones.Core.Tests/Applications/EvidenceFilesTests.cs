using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Applications;

/// <summary>Test files as an upload would carry them; the images are well formed, since uploads are checked beyond their first bytes.</summary>
internal static class EvidenceSamples
{
    public static byte[] Pdf => [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8];
    public static byte[] Jpeg => EvidenceFiles.Jpeg();
    public static byte[] Png => EvidenceFiles.Png();
    public static byte[] Exe => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];
    public static byte[] Elf => [0x7F, .. "ELF"u8, 0x02, 0x01, 0x01, 0x00];
    public static byte[] Html => [.. "<!DOCTYPE html><html><script>alert(1)</script></html>"u8];
    public static byte[] TruncatedPdf => [.. "%PD"u8];

    public static byte[] Ofd => Zip("OFD.xml", "Doc_0/Document.xml");
    public static byte[] PlainZip => Zip("doc.xml", "word/document.xml");
    public static byte[] OfdXmlNotAtRoot => Zip("Doc_0/OFD.xml");

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
            }
        }
        return stream.ToArray();
    }
}

/// <summary>What counts as a 佐证材料 file, decided by content alone; which slots each edition asks for.</summary>
public class EvidenceFilesTests
{
    public static TheoryData<string, byte[], string?> Files => new()
    {
        { "PDF", EvidenceSamples.Pdf, "application/pdf" },
        { "JPEG", EvidenceSamples.Jpeg, "image/jpeg" },
        { "PNG", EvidenceSamples.Png, "image/png" },
        { "OFD (ZIP with OFD.xml at its root)", EvidenceSamples.Ofd, "application/ofd" },
        { "Windows executable, whatever its name", EvidenceSamples.Exe, null },
        { "ELF executable", EvidenceSamples.Elf, null },
        { "empty", [], null },
        { "plain ZIP without OFD.xml", EvidenceSamples.PlainZip, null },
        { "ZIP with OFD.xml only in a folder", EvidenceSamples.OfdXmlNotAtRoot, null },
        { "ZIP signature on a broken archive", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], null },
        { "HTML", EvidenceSamples.Html, null },
        { "truncated %PD", EvidenceSamples.TruncatedPdf, null },
        { "JPEG signature cut short", [0xFF, 0xD8], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Files_are_recognised_by_their_content(string what, byte[] content, string? expectedType)
    {
        Assert.True(EvidenceFileTypes.Detect(content)?.ContentType == expectedType, $"{what}: expected {expectedType ?? "refused"}");
    }

    [Fact]
    public void Detected_types_carry_their_canonical_extension()
    {
        Assert.Equal(".pdf", EvidenceFileTypes.Detect(EvidenceSamples.Pdf)!.Extension);
        Assert.Equal(".jpg", EvidenceFileTypes.Detect(EvidenceSamples.Jpeg)!.Extension);
        Assert.Equal(".png", EvidenceFileTypes.Detect(EvidenceSamples.Png)!.Extension);
        Assert.Equal(".ofd", EvidenceFileTypes.Detect(EvidenceSamples.Ofd)!.Extension);
    }

    [Fact]
    public void The_zone_2026_form_asks_for_15_numbered_materials_all_required()
    {
        var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get("zone-2026"));

        Assert.Equal(Enumerable.Range(1, 15).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), slots.Select(s => s.Key));
        Assert.All(slots, s => Assert.Equal(EvidenceRequirement.Always, s.Requirement));
        Assert.All(slots, s => Assert.StartsWith($"佐证材料 {s.Key}：", s.Title, StringComparison.Ordinal));
        Assert.Equal("佐证材料 1：合作区入驻企业名录", slots[0].Title);
        Assert.Equal(["revenue"], slots[0].FieldKeys);
        Assert.Equal("佐证材料 2：提供的服务是否实现了合作区内企业全覆盖", slots[1].Title);
        Assert.Equal("佐证材料 3：签署合作协议的海外机构数量", slots[2].Title);
        Assert.Equal("佐证材料 6：合作区创新平台建设情况", slots[5].Title);
        Assert.Contains("innovation.nationalPlatforms", slots[5].FieldKeys);
        Assert.Equal("佐证材料 11：合作区开展优质中小企业培育采取的措施和举措", slots[10].Title);
        Assert.Equal("佐证材料 15：企业服务开展情况", slots[14].Title);
        Assert.True(slots[14].IsRequiredBy(new Dictionary<string, string>()));
    }

    [Fact]
    public void Rows_that_share_a_number_share_one_slot()
    {
        var zone = FormEditionCatalogue.Default.Get("zone-2026");
        var first = zone.Sections[0];
        var shared = zone with
        {
            Sections = [first with { Fields = [.. first.Fields.Select(f => f.Key == "basic.fullServiceCoverage" ? f with { Evidence = [1], EvidenceNote = "（提供相关佐证材料 1）" } : f)] }, .. zone.Sections.Skip(1)],
        };

        var slots = EvidenceSlots.For(shared);

        Assert.Equal(14, slots.Count);
        Assert.Equal(["revenue", "basic.fullServiceCoverage"], slots[0].FieldKeys);
        Assert.Equal(2, slots[0].RowNames.Count);
        Assert.Equal("佐证材料 1：合作区入驻企业名录", slots[0].Title);
    }

    [Fact]
    public void The_cluster_2024_form_asks_per_row_with_the_printed_note()
    {
        var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get("cluster-2024"));

        Assert.Equal(
            [
                "industry.chainWork", "industry.resourceWork", "industry.qualityWork", "innovation.standards", "innovation.platforms",
                "innovation.validPatents", "digital.serviceWork", "digital.pilotWork", "green.carbonMonitoring", "green.work",
                "open.activities", "open.overseasBranches", "governance.work", "governance.platforms", "governance.services",
            ],
            slots.Select(s => s.Key));
        Assert.Equal("集群已开展的产业链强链补链工作（注：勾选需提供佐证材料）", slots[0].Title);
        Assert.Equal("集群已开展的数字化新模式新业态推广工作（注：勾选需提供佐证材料）", slots[7].Title);
        Assert.Equal("创新平台建设情况（需提供清单及佐证材料）", slots[4].Title);
        Assert.Equal(EvidenceRequirement.WhenTicked, slots[0].Requirement);
        Assert.Equal(EvidenceRequirement.WhenYes, slots[8].Requirement);
        Assert.Equal(EvidenceRequirement.WhenPositive, slots[5].Requirement);
        Assert.All(slots, s => Assert.InRange(s.Key.Length, 1, 32)); // Evidence.SlotKey is varchar(32)
    }

    [Fact]
    public void Cluster_slots_are_required_only_when_the_answer_calls_for_evidence()
    {
        var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get("cluster-2024")).ToDictionary(s => s.Key);
        var none = new Dictionary<string, string>
        {
            ["industry.chainWork.chainMap"] = "false",
            ["green.carbonMonitoring"] = "no",
            ["innovation.validPatents"] = "0",
            ["innovation.nationalPlatforms.count"] = "0",
            ["innovation.nationalPlatforms.names"] = "无",
            ["innovation.standards.national.lead.y2"] = "0",
            ["industry.chainWorkExtra"] = "true", // a different field whose key merely starts the same
        };
        var some = new Dictionary<string, string>
        {
            ["industry.chainWork.chainMap"] = "true",
            ["green.carbonMonitoring"] = "yes",
            ["innovation.validPatents"] = "１２", // full-width digits, as the validator accepts them
            ["innovation.nationalPlatforms.count"] = "2",
            ["innovation.standards.national.lead.y2"] = "1",
        };

        string[] keys = ["industry.chainWork", "green.carbonMonitoring", "innovation.validPatents", "innovation.platforms", "innovation.standards"];
        Assert.All(keys, k => Assert.False(slots[k].IsRequiredBy(none), k));
        Assert.All(keys, k => Assert.True(slots[k].IsRequiredBy(some), k));
    }

    [Fact]
    public void Missing_lists_required_slots_without_files()
    {
        var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get("cluster-2024"));
        var answers = new Dictionary<string, string> { ["industry.chainWork.chainMap"] = "true", ["green.carbonMonitoring"] = "yes" };

        Assert.Equal(["industry.chainWork", "green.carbonMonitoring"], EvidenceSlots.Missing(slots, answers, []).Select(s => s.Key));
        Assert.Equal(["green.carbonMonitoring"], EvidenceSlots.Missing(slots, answers, ["industry.chainWork"]).Select(s => s.Key));
    }

    [Theory]
    [InlineData(@"C:\Users\张三\Desktop\合作区入驻企业名录.pdf", "合作区入驻企业名录.pdf")]
    [InlineData("../../etc/passwd.PDF", "passwd.PDF")]
    [InlineData("名录\u202Efdp.exe", "名录fdp.exe.pdf")] // right-to-left override would show "名录exe.pdf"
    [InlineData("a\r\nb\t\0.pdf", "ab.pdf")]
    [InlineData("报告:最终版?.pdf", "报告_最终版_.pdf")]
    [InlineData("scan", "scan.pdf")]
    [InlineData("  ", "佐证材料.pdf")]
    [InlineData(null, "佐证材料.pdf")]
    public void File_names_are_sanitised(string? sent, string stored)
    {
        Assert.Equal(stored, EvidenceFileNames.Sanitise(sent, EvidenceFileTypes.Pdf));
    }

    [Fact]
    public void A_name_that_does_not_match_the_content_gets_the_real_extension()
    {
        Assert.Equal("photo.jpeg", EvidenceFileNames.Sanitise("photo.jpeg", EvidenceFileTypes.Jpeg));
        Assert.Equal("photo.pdf.png", EvidenceFileNames.Sanitise("photo.pdf", EvidenceFileTypes.Png));
    }

    [Fact]
    public void Long_names_are_cut_to_255_characters_keeping_the_extension_and_whole_characters()
    {
        var name = string.Concat(Enumerable.Repeat("名录😀", 200)) + ".pdf";

        var stored = EvidenceFileNames.Sanitise(name, EvidenceFileTypes.Pdf);

        Assert.InRange(stored.Length, 250, 255);
        Assert.EndsWith(".pdf", stored, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(stored[^5]), "a surrogate pair was split");
    }

    [Theory]
    [InlineData(812, "812 字节")]
    [InlineData(2048, "2 KB")]
    [InlineData(36045, "35.2 KB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    [InlineData(24536678, "23.4 MB")]
    public void Sizes_read_as_officers_expect(long bytes, string text)
    {
        Assert.Equal(text, EvidenceFileNames.FormatSize(bytes));
    }

    [Fact]
    public void Limits_default_to_20_MB_per_file_and_200_MB_per_application_and_are_configurable()
    {
        var defaults = EvidenceLimits.From(new ConfigurationBuilder().Build());
        var configured = EvidenceLimits.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = "1000", ["Evidence:MaxTotalBytes"] = "5000" }).Build());

        Assert.Equal((20L * 1024 * 1024, 200L * 1024 * 1024), (defaults.MaxFileBytes, defaults.MaxTotalBytes));
        Assert.Equal((1000L, 5000L), (configured.MaxFileBytes, configured.MaxTotalBytes));
        Assert.Throws<InvalidOperationException>(() => EvidenceLimits.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = "5000", ["Evidence:MaxTotalBytes"] = "1000" }).Build()));
    }
}
