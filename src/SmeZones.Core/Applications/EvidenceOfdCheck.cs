using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace SmeZones.Core.Applications;

/// <summary>
/// Checks an OFD (a ZIP package, GB/T 33190) without extracting it to disk: at most <see cref="MaxEntries"/> entries,
/// at most <see cref="MaxUncompressedBytes"/> when every entry is actually decompressed (declared sizes may lie), each
/// entry no larger than it declares, no web page or script among the entries, and an OFD.xml at the root whose root
/// element is ofd:OFD. A ZIP bomb is stopped at the limit, whatever its headers claim.
/// </summary>
internal static class EvidenceOfdCheck
{
    public const int MaxEntries = 10_000;
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;
    private const int MaxOfdXmlBytes = 1024 * 1024;
    private const string OfdNamespace = "http://www.ofdspec.org/2016";

    private static readonly string[] ActiveExtensions = [".html", ".htm", ".xhtml", ".js", ".svg", ".hta", ".swf", ".exe", ".dll", ".bat", ".cmd", ".ps1", ".vbs"];

    public static string? Check(ReadOnlyMemory<byte> content)
    {
        // The count from the end record first, so a directory of a million entries is never read into objects.
        var declaredEntries = EndRecordEntryCount(content.Span);
        if (declaredEntries is null)
        {
            return EvidenceContentCheck.OfdStructure;
        }
        if (declaredEntries > MaxEntries)
        {
            return EvidenceContentCheck.OfdBomb;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return EvidenceContentCheck.OfdBomb;
            }
            if (zip.Entries.Any(e => e.FullName.Contains("..", StringComparison.Ordinal) || e.FullName.StartsWith('/')
                || ActiveExtensions.Any(x => e.FullName.EndsWith(x, StringComparison.OrdinalIgnoreCase))))
            {
                return EvidenceContentCheck.OfdStructure;
            }
            if (zip.GetEntry("OFD.xml") is null)
            {
                return EvidenceStore.WrongType; // some other ZIP (a .docx, an archive): not a type the portal takes
            }
            if (DecompressedError(zip) is { } error)
            {
                return error;
            }
            var root = zip.GetEntry("OFD.xml");
            return root is not null && IsOfdXml(root) ? null : EvidenceContentCheck.OfdStructure;
        }
        catch (InvalidDataException)
        {
            return EvidenceContentCheck.OfdStructure;
        }
    }

    /// <summary>Decompresses every entry, counting what comes out and looking for markup across chunk edges.</summary>
    private static string? DecompressedError(ZipArchive zip)
    {
        const int overlap = 32; // longer than the longest marker
        long total = 0;
        var window = new byte[overlap + 81920];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            long size = 0;
            var carried = 0;
            int read;
            while ((read = stream.Read(window, carried, window.Length - carried)) > 0)
            {
                size += read;
                total += read;
                if (total > MaxUncompressedBytes || size > entry.Length)
                {
                    return EvidenceContentCheck.OfdBomb;
                }
                var length = carried + read;
                if (EvidenceMarkers.ContainsMarkup(window.AsSpan(0, length)))
                {
                    return EvidenceContentCheck.Polyglot;
                }
                carried = Math.Min(overlap, length);
                Array.Copy(window, length - carried, window, 0, carried);
            }
        }
        return null;
    }

    private static bool IsOfdXml(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxOfdXmlBytes)
        {
            return false;
        }
        try
        {
            using var stream = entry.Open();
            // No DTD and no external resolution: an OFD.xml has no business with either (XXE, entity expansion).
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxOfdXmlBytes,
            });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "OFD" && reader.NamespaceURI == OfdNamespace;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The total entry count of the end-of-central-directory record, or null when there is none (or ZIP64, which no OFD needs).</summary>
    private static int? EndRecordEntryCount(ReadOnlySpan<byte> zip)
    {
        // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
        var tail = zip[Math.Max(0, zip.Length - 22 - 65535)..];
        var at = tail.LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        if (at < 0 || at + 22 > tail.Length)
        {
            return null;
        }
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail[(at + 10)..]);
        return count == 0xFFFF ? null : count;
    }
}
