using System.IO.Compression;

namespace SmeZones.Core.Applications;

/// <summary>A file type accepted as 佐证材料.</summary>
public sealed record EvidenceFileType(string ContentType, string Extension, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises an upload by its first bytes (and, for OFD, its ZIP directory), never by its name or the content
/// type the browser claims: a renamed executable must not be stored and later served as a PDF.
/// </summary>
public static class EvidenceFileTypes
{
    public static readonly EvidenceFileType Pdf = new("application/pdf", ".pdf", [".pdf"]);
    public static readonly EvidenceFileType Jpeg = new("image/jpeg", ".jpg", [".jpg", ".jpeg"]);
    public static readonly EvidenceFileType Png = new("image/png", ".png", [".png"]);

    /// <summary>GB/T 33190 版式文档, a ZIP package with OFD.xml at its root.</summary>
    public static readonly EvidenceFileType Ofd = new("application/ofd", ".ofd", [".ofd"]);

    /// <summary>What the file input offers, as the accept attribute wants it.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,.ofd";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type of the content, or null when it is none of the accepted ones (or empty).</summary>
    public static EvidenceFileType? Detect(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith(PdfMagic))
        {
            return Pdf;
        }
        if (span.StartsWith(PngMagic))
        {
            return Png;
        }
        if (span.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        return span.StartsWith(ZipMagic) && HasRootOfdXml(content) ? Ofd : null;
    }

    // Reading the central directory only: entries are never extracted, so a ZIP bomb costs nothing here.
    private static bool HasRootOfdXml(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName == "OFD.xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
