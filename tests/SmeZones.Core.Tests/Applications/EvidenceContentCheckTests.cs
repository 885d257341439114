using System.IO.Compression;
using System.Text;
using SmeZones.Core.Applications;
using SmeZones.TestSupport;

namespace SmeZones.Core.Tests.Applications;

/// <summary>Hostile uploads, each built here, and the ordinary files that must still pass.</summary>
public class EvidenceContentCheckTests
{
    private static string? ErrorOf(byte[] file) => EvidenceContentCheck.Check(file).Error;

    [Fact]
    public void Ordinary_pdf_png_jpeg_and_ofd_files_are_accepted_with_their_type()
    {
        Assert.Equal(EvidenceFileTypes.Pdf, EvidenceContentCheck.Check(EvidenceFiles.Pdf()).Type);
        Assert.Equal(EvidenceFileTypes.Png, EvidenceContentCheck.Check(EvidenceFiles.Png()).Type);
        Assert.Equal(EvidenceFileTypes.Jpeg, EvidenceContentCheck.Check(EvidenceFiles.Jpeg()).Type);
        Assert.Equal(EvidenceFileTypes.Ofd, EvidenceContentCheck.Check(EvidenceFiles.Ofd()).Type);
    }

    [Fact]
    public void A_pdf_that_opens_on_a_page_and_links_to_a_web_site_is_accepted()
    {
        var pdf = EvidenceFiles.Pdf("/OpenAction [3 0 R /Fit] /URI << /Base (https://www.miit.gov.cn/) >> ",
            "4 0 obj\n<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.miit.gov.cn/) >> >>\nendobj\n");

        Assert.Null(ErrorOf(pdf));
    }

    [Fact]
    public void A_large_pdf_of_compressed_images_and_streams_is_not_mistaken_for_an_active_one()
    {
        // Random bytes stand for compressed data: they hold "/JS"-like and "<svg"-like sequences by chance.
        var random = new Random(20261126);
        var photo = new byte[8 * 1024 * 1024];
        var pixels = new byte[8 * 1024 * 1024];
        random.NextBytes(photo);
        random.NextBytes(pixels);
        var latin1 = Encoding.Latin1;
        var packed = EvidenceFiles.Zlib(pixels);
        var pdf = EvidenceFiles.Pdf("/Outlines 4 0 R ",
            "4 0 obj\n<< /Type /XObject /Subtype /Image /Width 2048 /Height 1024 /Filter /DCTDecode /Length 8388608 >>\nstream\n" +
            latin1.GetString(photo) + "\nendstream\nendobj\n" +
            "5 0 obj\n<< /Type /XObject /Subtype /Image /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 2048 >> >>\nstream\n" +
            latin1.GetString(packed) + "\nendstream\nendobj\n" +
            "6 0 obj\n<< /Type /XRef /W [1 4 2] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> >>\nstream\n" +
            latin1.GetString(EvidenceFiles.Zlib(new byte[70])) + "\nendstream\nendobj\n");

        Assert.Null(ErrorOf(pdf));
    }

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")]
    [InlineData("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")] // names spelled with #hh escapes
    [InlineData("/Names << /JavaScript << /Names [(a) 4 0 R] >> >>")]
    [InlineData("/AA << /O << /S /Launch /F (cmd.exe) >> >>")]
    [InlineData("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>")]
    [InlineData("/AcroForm << /XFA 6 0 R >>")]
    public void A_pdf_with_scripts_launch_or_embedded_files_is_refused(string catalog)
    {
        Assert.Equal(EvidenceContentCheck.ActivePdf, ErrorOf(EvidenceFiles.Pdf(catalog)));
    }

    [Fact]
    public void An_open_action_pointing_to_a_script_object_is_refused()
    {
        var pdf = EvidenceFiles.Pdf("/OpenAction 4 0 R", "4 0 obj\n<< /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n");

        Assert.Equal(EvidenceContentCheck.ActivePdf, ErrorOf(pdf));
        Assert.Null(ErrorOf(EvidenceFiles.Pdf("/OpenAction 4 0 R", "4 0 obj\n[3 0 R /Fit]\nendobj\n")));
    }

    [Fact]
    public void A_script_hidden_in_a_compressed_object_stream_is_found()
    {
        var hidden = EvidenceFiles.PdfWithObjectStream("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>");
        var benign = EvidenceFiles.PdfWithObjectStream("/Outlines 4 0 R", "<< /Type /Outlines /Count 0 >>");
        var shortNameOnly = EvidenceFiles.PdfWithObjectStream("/OpenAction 4 0 R", "<< /JS 7 0 R >>");

        Assert.Equal(EvidenceContentCheck.ActivePdf, ErrorOf(hidden));
        Assert.Null(ErrorOf(benign));
        Assert.Equal(EvidenceContentCheck.ActivePdf, ErrorOf(shortNameOnly));
    }

    [Fact]
    public void An_encrypted_pdf_with_object_streams_cannot_be_inspected_and_is_refused()
    {
        var pdf = EvidenceFiles.PdfWithObjectStream("/Outlines 4 0 R", "<< /Type /Outlines /Count 0 >>", trailerExtra: "/Encrypt 8 0 R ");

        Assert.Equal(EvidenceContentCheck.UninspectablePdf, ErrorOf(pdf));
    }

    [Fact]
    public void An_object_stream_with_a_filter_the_check_cannot_read_is_refused()
    {
        var pdf = Encoding.Latin1.GetString(EvidenceFiles.PdfWithObjectStream("/Outlines 4 0 R", "<< /Type /Outlines /Count 0 >>"))
            .Replace("/Filter /FlateDecode", "/Filter [/LZWDecode]", StringComparison.Ordinal);

        Assert.Equal(EvidenceContentCheck.UninspectablePdf, ErrorOf(Encoding.Latin1.GetBytes(pdf)));
    }

    [Fact]
    public void An_encrypted_pdf_without_object_streams_is_still_read_and_accepted()
    {
        Assert.Null(ErrorOf(EvidenceFiles.Pdf(trailerExtra: "/Encrypt 8 0 R ")));
    }

    [Fact]
    public void A_pdf_html_polyglot_is_refused()
    {
        byte[] pdf = [.. EvidenceFiles.Pdf(), .. "<html><body><script>fetch('/Account/ChangePassword')</script></body></html>"u8];

        Assert.Equal(EvidenceContentCheck.Polyglot, ErrorOf(pdf));
    }

    [Fact]
    public void A_png_html_polyglot_is_refused_whether_the_page_sits_in_a_text_chunk_or_after_the_end()
    {
        var inChunk = EvidenceFiles.Png(extraChunks: [("tEXt", [.. "Comment\0"u8, .. "<script>alert(document.cookie)</script>"u8])]);
        var afterEnd = EvidenceFiles.Png(afterEnd: [.. "<!DOCTYPE html><html><body onload=alert(1)>"u8]);

        Assert.Equal(EvidenceContentCheck.Polyglot, ErrorOf(inChunk));
        Assert.Equal(EvidenceContentCheck.Polyglot, ErrorOf(afterEnd));
    }

    [Fact]
    public void A_jpeg_with_a_page_in_its_comment_is_refused()
    {
        Assert.Equal(EvidenceContentCheck.Polyglot, ErrorOf(EvidenceFiles.Jpeg(comment: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>")));
    }

    [Fact]
    public void A_png_that_does_not_parse_as_an_image_is_refused()
    {
        var good = EvidenceFiles.Png();
        var badCrc = (byte[])good.Clone();
        badCrc[30] ^= 0x01; // inside IHDR's CRC
        var cutShort = good[..^6];
        var signatureOnly = (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "IHDR"u8];
        var trailingBytes = EvidenceFiles.Png(afterEnd: [1, 2, 3]);
        var unknownCriticalChunk = EvidenceFiles.Png(extraChunks: [("ABCD", [1])]);

        Assert.All([badCrc, cutShort, signatureOnly, trailingBytes, unknownCriticalChunk],
            png => Assert.Equal(EvidenceContentCheck.BrokenImage, ErrorOf(png)));
        Assert.Null(ErrorOf(EvidenceFiles.Png(extraChunks: [("tEXt", [.. "Title\0"u8, .. "营业执照"u8])])));
    }

    [Fact]
    public void Images_of_impossible_size_are_refused()
    {
        Assert.Equal(EvidenceContentCheck.ImageSize, ErrorOf(EvidenceFiles.Png(width: 100_000, height: 1)));
        Assert.Equal(EvidenceContentCheck.ImageSize, ErrorOf(EvidenceFiles.Png(width: 20_000, height: 20_000)));
        Assert.Equal(EvidenceContentCheck.ImageSize, ErrorOf(EvidenceFiles.Png(width: 0, height: 5)));
        Assert.Equal(EvidenceContentCheck.ImageSize, ErrorOf(EvidenceFiles.Jpeg(width: 600, height: 0)));
        Assert.Null(ErrorOf(EvidenceFiles.Png(width: 4960, height: 7016))); // A4 at 600 dpi
    }

    [Fact]
    public void A_jpeg_without_a_frame_or_an_end_is_refused()
    {
        var good = EvidenceFiles.Jpeg();

        Assert.Equal(EvidenceContentCheck.BrokenImage, ErrorOf(EvidenceFiles.Jpeg(withFrame: false)));
        Assert.Equal(EvidenceContentCheck.BrokenImage, ErrorOf(good[..^2]));
        Assert.Equal(EvidenceContentCheck.BrokenImage, ErrorOf([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0xFF, 0xD9]));
    }

    [Fact]
    public void A_zip_bomb_named_ofd_is_stopped_at_the_uncompressed_limit()
    {
        // 260 MB of zeros deflate to well under 2 MB: small to upload, ruinous to open.
        using var stream = new MemoryStream(EvidenceFiles.Ofd(entries: []).Length + 1024);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var ofdXml = zip.CreateEntry("OFD.xml").Open())
            {
                ofdXml.Write("<?xml version=\"1.0\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8);
            }
            using var image = zip.CreateEntry("Doc_0/Res/image.bmp", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 260; i++)
            {
                image.Write(zeros);
            }
        }
        var bomb = stream.ToArray();

        Assert.InRange(bomb.Length, 1, 2 * 1024 * 1024);
        Assert.Equal(EvidenceContentCheck.OfdBomb, ErrorOf(bomb));
    }

    [Fact]
    public void An_ofd_with_too_many_entries_is_refused()
    {
        var entries = Enumerable.Range(0, 10_001).Select(i => ($"Doc_0/Pages/Page_{i}/Content.xml", Array.Empty<byte>()));

        Assert.Equal(EvidenceContentCheck.OfdBomb, ErrorOf(EvidenceFiles.Ofd(entries)));
    }

    [Fact]
    public void An_entry_larger_than_its_header_says_is_refused()
    {
        var ofd = EvidenceFiles.Ofd([("Doc_0/Res/a.bin", new byte[4096])], level: CompressionLevel.NoCompression);
        // Lower the declared size in the central directory (4096 → 16) to what a lying archive would claim.
        var central = Encoding.Latin1.GetString(ofd).LastIndexOf("Doc_0/Res/a.bin", StringComparison.Ordinal) - 46;
        Assert.Equal(0x02014B50u, BitConverter.ToUInt32(ofd, central));
        BitConverter.TryWriteBytes(ofd.AsSpan(central + 24), 16u);

        Assert.NotNull(ErrorOf(ofd));
        Assert.Null(EvidenceContentCheck.Check(ofd).Type);
    }

    [Fact]
    public void An_ofd_needs_a_real_ofd_xml_and_carries_no_pages_or_scripts()
    {
        Assert.Equal(EvidenceContentCheck.OfdStructure, ErrorOf(EvidenceFiles.Ofd(ofdXml: "<?xml version=\"1.0\"?><Document/>")));
        Assert.Equal(EvidenceContentCheck.OfdStructure, ErrorOf(EvidenceFiles.Ofd(ofdXml: "not xml at all")));
        Assert.Equal(EvidenceContentCheck.OfdStructure, ErrorOf(EvidenceFiles.Ofd(
            ofdXml: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">&a;</ofd:OFD>")));
        Assert.Equal(EvidenceContentCheck.OfdStructure, ErrorOf(EvidenceFiles.Ofd([("index.html", "<p>hi</p>"u8.ToArray())])));
        Assert.Equal(EvidenceContentCheck.Polyglot, ErrorOf(EvidenceFiles.Ofd([("Doc_0/Document.xml", "<script>alert(1)</script>"u8.ToArray())])));
    }

    [Fact]
    public void A_plain_zip_is_not_an_ofd()
    {
        Assert.Equal(EvidenceStore.WrongType, ErrorOf(PlainZip()));
    }

    private static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document/>"u8);
        }
        return stream.ToArray();
    }
}
