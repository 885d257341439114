using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SmeZones.TestSupport;

/// <summary>
/// Small but well-formed evidence files, and the hostile ones an attacker would upload, built byte by byte in the
/// test so each says exactly what it holds. A small PNG is a complete image; the JPEG is complete in structure (its
/// single scan carries no real picture).
/// </summary>
public static class EvidenceFiles
{
    /// <summary>A one-page PDF; <paramref name="catalogExtra"/> goes into the catalog dictionary, <paramref name="objects"/> after it.</summary>
    public static byte[] Pdf(string catalogExtra = "", string objects = "", string trailerExtra = "") => Encoding.Latin1.GetBytes(
        "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n" +
        $"1 0 obj\n<< /Type /Catalog /Pages 2 0 R {catalogExtra}>>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
        objects +
        $"trailer\n<< /Size 9 /Root 1 0 R {trailerExtra}>>\n%%EOF\n");

    /// <summary>A PDF 1.5 whose object 4 lives, Flate-compressed, in an object stream, as Word and WPS write them.</summary>
    public static byte[] PdfWithObjectStream(string catalogExtra, string compressedObject, string trailerExtra = "")
    {
        var header = "4 0 ";
        var body = Zlib(Encoding.Latin1.GetBytes(header + compressedObject));
        var head = Encoding.Latin1.GetBytes(
            $"5 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Filter /FlateDecode /Length {body.Length} >>\nstream\n");
        var pdf = Pdf(catalogExtra, trailerExtra: trailerExtra);
        var trailerAt = Encoding.Latin1.GetString(pdf).IndexOf("trailer", StringComparison.Ordinal);
        return [.. pdf[..trailerAt], .. head, .. body, .. "\nendstream\nendobj\n"u8, .. pdf[trailerAt..]];
    }

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> grey PNG; extra chunks go before IDAT, bytes after IEND at the end.</summary>
    public static byte[] Png(int width = 2, int height = 2, IEnumerable<(string Type, byte[] Data)>? extraChunks = null, byte[]? afterEnd = null)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        var rows = Math.Min(height, 4);
        var raw = new byte[rows * (1 + Math.Min(width, 4))]; // filter byte 0, then grey pixels: all of a small image
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        foreach (var (type, data) in extraChunks ?? [])
        {
            Chunk(png, type, data);
        }
        Chunk(png, "IDAT", Zlib(raw));
        Chunk(png, "IEND", []);
        png.Write(afterEnd ?? []);
        return png.ToArray();
    }

    /// <summary>A baseline JPEG frame of the given size with a comment segment when given; one tiny scan.</summary>
    public static byte[] Jpeg(int width = 2, int height = 2, string? comment = null, bool withFrame = true)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (comment is not null)
        {
            Segment(jpeg, 0xFE, Encoding.UTF8.GetBytes(comment));
        }
        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        if (withFrame)
        {
            Segment(jpeg, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        }
        Segment(jpeg, 0xC4, [0x00, 0, 1, .. new byte[14], 0]);
        Segment(jpeg, 0xC4, [0x10, 0, 1, .. new byte[14], 0]);
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        jpeg.Write([0x00, 0x00, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>An OFD package: an OFD.xml at the root (unless left out) and the given entries.</summary>
    public static byte[] Ofd(IEnumerable<(string Name, byte[] Content)>? entries = null, string? ofdXml = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var files = entries?.ToList() ?? [("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8.ToArray())];
            files.Insert(0, ("OFD.xml", Encoding.UTF8.GetBytes(ofdXml ??
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")));
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static void Segment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        jpeg.Write(data);
    }

    // The PNG CRC (ISO 3309), bit by bit: slow and obvious, which is what a test wants.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
