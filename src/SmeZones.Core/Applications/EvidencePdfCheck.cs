using System.IO.Compression;
using System.Text;

namespace SmeZones.Core.Applications;

/// <summary>
/// Refuses PDFs that act when opened: JavaScript (document, page or form actions, <c>/OpenAction</c> included),
/// launching programs, and carried files. It reads names the way PDF readers do (<c>/J#61vaScript</c> is
/// <c>/JavaScript</c>) in the file itself, in every Flate stream decoded, and in full in object streams, where a
/// reader may find objects the plain file does not show. An object stream it cannot decode (encrypted, or an unusual
/// filter) makes the file unreadable to this check, and it is refused rather than trusted. See ADR 0010.
/// </summary>
internal static class EvidencePdfCheck
{
    // Names only an active PDF needs. A script action is /S /JavaScript with /JS; a document's scripts sit under /JavaScript
    // in its name tree; carried files are /EmbeddedFile(s) or /EF streams and /FileAttachment annotations; /XFA forms run scripts.
    private static readonly HashSet<string> LongNames = ["JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "FileAttachment", "RichMedia"];

    // Short names would turn up by chance in compressed bytes; they are looked for only in PDF syntax.
    private static readonly HashSet<string> AllNames = [.. LongNames, "JS", "EF", "XFA"];

    private static readonly HashSet<string> ImageFilters = ["DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode"];
    private static readonly HashSet<string> OtherFilters = ["LZWDecode", "LZW", "ASCII85Decode", "A85", "ASCIIHexDecode", "AHx", "RunLengthDecode", "RL", "Crypt"];

    private const int MaxObjectStreamBytes = 32 * 1024 * 1024;
    private const long MaxDecodedBytes = 512L * 1024 * 1024;

    public static string? Check(ReadOnlySpan<byte> pdf)
    {
        var streams = Streams(pdf);
        var outside = new List<string>();
        var start = 0;
        foreach (var stream in streams)
        {
            CollectNames(pdf[start..stream.KeywordAt], outside);
            start = stream.DataEnd;
        }
        CollectNames(pdf[start..], outside);
        if (outside.Any(AllNames.Contains))
        {
            return EvidenceContentCheck.ActivePdf;
        }

        // Objects can hide inside streams only where the file has object streams (and the cross-reference streams that find them).
        var hasCompressedObjects = outside.Any(n => n is "ObjStm" or "XRef" or "XRefStm");
        var encrypted = outside.Contains("Encrypt");
        var budget = MaxDecodedBytes;
        foreach (var stream in streams)
        {
            var data = pdf[stream.DataStart..stream.DataEnd];
            var names = new List<string>();
            CollectNames(pdf[stream.DictionaryStart..stream.KeywordAt], names);
            var isObjectStream = names.Contains("ObjStm");
            var isXref = names.Contains("XRef");
            var flate = names.Contains("FlateDecode") || names.Contains("Fl");
            var isImage = names.Contains("Image") || names.Any(ImageFilters.Contains);
            var unfiltered = !flate && !names.Any(n => ImageFilters.Contains(n) || OtherFilters.Contains(n));
            // Encrypted data, other text filters and predictors (which scramble rows) hide names from this check. Images
            // (PNG-like ones carry a predictor) and the cross-reference stream hold no objects a reader would look for.
            var unreadable = names.Any(OtherFilters.Contains) || (encrypted && !isXref) || (names.Contains("Predictor") && !isXref && !isImage);
            if (unreadable && (isObjectStream || (hasCompressedObjects && !isXref && !isImage)))
            {
                return EvidenceContentCheck.UninspectablePdf;
            }

            var wanted = isObjectStream ? AllNames : LongNames;
            if (HasName(data, data.Length, isObjectStream && unfiltered ? AllNames : LongNames))
            {
                return EvidenceContentCheck.ActivePdf;
            }
            if (!flate || unreadable)
            {
                continue;
            }
            var (found, length, complete) = InflateAndFind(data, isObjectStream ? Math.Min(MaxObjectStreamBytes, budget) : budget, wanted);
            budget -= length;
            if (found)
            {
                return EvidenceContentCheck.ActivePdf;
            }
            if (budget < 0 || (isObjectStream && !complete))
            {
                return EvidenceContentCheck.UninspectablePdf;
            }
        }
        return null;
    }

    private readonly record struct PdfStream(int DictionaryStart, int KeywordAt, int DataStart, int DataEnd);

    /// <summary>
    /// Each "stream" keyword (at a token start, followed by an end of line) up to the next "endstream"; the dictionary is
    /// what follows the last "obj" before it. Found by keyword rather than /Length, which may be an indirect object.
    /// </summary>
    private static List<PdfStream> Streams(ReadOnlySpan<byte> pdf)
    {
        var result = new List<PdfStream>();
        var position = 0;
        var previousEnd = 0;
        while (true)
        {
            var found = pdf[position..].IndexOf("stream"u8);
            if (found < 0)
            {
                return result;
            }
            var keyword = position + found;
            var after = keyword + 6;
            position = after;
            if ((keyword > 0 && IsRegular(pdf[keyword - 1])) || after >= pdf.Length || pdf[after] is not ((byte)'\r' or (byte)'\n'))
            {
                continue;
            }
            var dataStart = after + (pdf[after] == '\r' && after + 1 < pdf.Length && pdf[after + 1] == '\n' ? 2 : 1);
            var end = pdf[dataStart..].IndexOf("endstream"u8);
            var dataEnd = end < 0 ? pdf.Length : dataStart + end;
            var lastObj = pdf[previousEnd..keyword].LastIndexOf("obj"u8);
            result.Add(new PdfStream(lastObj < 0 ? previousEnd : previousEnd + lastObj, keyword, dataStart, dataEnd));
            previousEnd = position = dataEnd;
        }
    }

    /// <summary>Every name token, with #hh escapes decoded as readers decode them.</summary>
    private static void CollectNames(ReadOnlySpan<byte> text, List<string> names)
    {
        var at = 0;
        while (NextName(text, ref at, text.Length) is { } name)
        {
            names.Add(name);
        }
    }

    /// <summary>Whether a name from the set starts before <paramref name="before"/> (it may run on past it).</summary>
    private static bool HasName(ReadOnlySpan<byte> text, int before, HashSet<string> wanted)
    {
        var at = 0;
        while (NextName(text, ref at, before) is { } name)
        {
            if (wanted.Contains(name))
            {
                return true;
            }
        }
        return false;
    }

    private static string? NextName(ReadOnlySpan<byte> text, ref int at, int before)
    {
        var name = new StringBuilder();
        while (at < before)
        {
            var slash = text[at..before].IndexOf((byte)'/');
            if (slash < 0)
            {
                at = before;
                return null;
            }
            var j = at + slash + 1;
            name.Clear();
            while (j < text.Length && IsRegular(text[j]) && name.Length < MaxName)
            {
                if (text[j] == '#' && j + 2 < text.Length && IsHex(text[j + 1]) && IsHex(text[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(text.Slice(j + 1, 2)), 16));
                    j += 3;
                }
                else
                {
                    name.Append((char)text[j]);
                    j++;
                }
            }
            at = Math.Max(j, at + slash + 1);
            if (name.Length > 0)
            {
                return name.ToString();
            }
        }
        return null;
    }

    private const int MaxName = 64;

    // Room for the longest name that matters, every character escaped (#hh), across the edge of two decoded chunks.
    private const int Overlap = 4 * MaxName;

    /// <summary>
    /// Decodes zlib data chunk by chunk, never holding more than a chunk, looking for the names. Readers show what
    /// decodes before any damage, so that part counts; the stream is complete when it decoded to its end.
    /// </summary>
    private static (bool Found, long Length, bool Complete) InflateAndFind(ReadOnlySpan<byte> data, long limit, HashSet<string> wanted)
    {
        var chunk = new byte[64 * 1024];
        var window = new byte[Overlap + chunk.Length];
        var carried = 0;
        long total = 0;
        var complete = false;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(data.ToArray(), writable: false), CompressionMode.Decompress);
            int read;
            while ((read = zlib.Read(chunk)) > 0)
            {
                Array.Copy(chunk, 0, window, carried, read);
                var length = carried + read;
                total += read;
                var cut = Math.Max(0, length - Overlap);
                if (HasName(window.AsSpan(0, length), cut, wanted))
                {
                    return (true, total, false);
                }
                Array.Copy(window, cut, window, 0, length - cut);
                carried = length - cut;
                if (total > limit)
                {
                    return (false, total, false);
                }
            }
            complete = true;
        }
        catch (InvalidDataException)
        {
            complete = total > 0;
        }
        return (HasName(window.AsSpan(0, carried), carried, wanted), total, complete);
    }

    private static bool IsRegular(byte c) =>
        c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    private static bool IsHex(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');
}
