using System.Buffers.Binary;

namespace SmeZones.Core.Applications;

/// <summary>
/// Checks that a PNG or JPEG is built as one: a structural parse, without a decoder dependency. PNG: every chunk in
/// bounds with its CRC right, IHDR first with a valid header, image data present, IEND last and nothing after it.
/// JPEG: segments in bounds up to the first scan, a frame header with sane dimensions, and an end-of-image marker.
/// </summary>
internal static class EvidenceImageCheck
{
    public const int MaxSide = 30_000;
    public const long MaxPixels = 200_000_000;

    private static readonly uint[] CrcTable = BuildCrcTable();

    public static string? CheckPng(ReadOnlySpan<byte> png)
    {
        var at = 8; // past the signature, which detection has checked
        var first = true;
        var hasData = false;
        while (true)
        {
            if (at + 12 > png.Length)
            {
                return EvidenceContentCheck.BrokenImage;
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || length > png.Length - at - 12)
            {
                return EvidenceContentCheck.BrokenImage;
            }
            var type = png.Slice(at + 4, 4);
            var data = png.Slice(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + (int)length)..]);
            if (!IsChunkType(type) || Crc32(png.Slice(at + 4, 4 + (int)length)) != crc)
            {
                return EvidenceContentCheck.BrokenImage;
            }
            at += 12 + (int)length;

            if (first != type.SequenceEqual("IHDR"u8))
            {
                return EvidenceContentCheck.BrokenImage;
            }
            if (first)
            {
                first = false;
                if (HeaderError(data) is { } error)
                {
                    return error;
                }
                continue;
            }
            if (type.SequenceEqual("IDAT"u8))
            {
                hasData = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                // Bytes after the end are where polyglots keep their second self.
                return hasData && length == 0 && at == png.Length ? null : EvidenceContentCheck.BrokenImage;
            }
            else if ((type[0] & 0x20) == 0 && !type.SequenceEqual("PLTE"u8))
            {
                return EvidenceContentCheck.BrokenImage; // an unknown critical chunk: no viewer can show the image
            }
        }
    }

    private static string? HeaderError(ReadOnlySpan<byte> header)
    {
        if (header.Length != 13)
        {
            return EvidenceContentCheck.BrokenImage;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(header);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        var (depth, colour) = (header[8], header[9]);
        var validDepth = colour switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!validDepth || header[10] != 0 || header[11] != 0 || header[12] > 1)
        {
            return EvidenceContentCheck.BrokenImage;
        }
        return SizeError(width, height);
    }

    public static string? CheckJpeg(ReadOnlySpan<byte> jpeg)
    {
        var at = 2; // past SOI
        var hasFrame = false;
        while (true)
        {
            // Fill bytes (0xFF) may pad before a marker.
            while (at < jpeg.Length && jpeg[at] == 0xFF && at + 1 < jpeg.Length && jpeg[at + 1] == 0xFF)
            {
                at++;
            }
            if (at + 4 > jpeg.Length || jpeg[at] != 0xFF)
            {
                return EvidenceContentCheck.BrokenImage;
            }
            var marker = jpeg[at + 1];
            if (marker is 0xD9 or 0xD8 or 0x00 || marker is >= 0xD0 and <= 0xD7)
            {
                return EvidenceContentCheck.BrokenImage; // no end, second start or restart before the first scan
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return EvidenceContentCheck.BrokenImage;
            }
            var segment = jpeg.Slice(at + 4, length - 2);
            at += 2 + length;
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header with the image's size.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (segment.Length < 6)
                {
                    return EvidenceContentCheck.BrokenImage;
                }
                hasFrame = true;
                if (SizeError(BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..])) is { } error)
                {
                    return error;
                }
            }
            if (marker == 0xDA)
            {
                // Entropy-coded data follows; a complete image ends with EOI. Cameras may append data after it (e.g.
                // a second picture): that is allowed, and has been searched for markup with the rest of the file.
                return hasFrame && jpeg[at..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0 ? null : EvidenceContentCheck.BrokenImage;
            }
        }
    }

    private static string? SizeError(uint width, uint height) =>
        width is 0 or > MaxSide || height is 0 or > MaxSide || (long)width * height > MaxPixels ? EvidenceContentCheck.ImageSize : null;

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var c in type)
        {
            if (c is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }
        return true;
    }

    // CRC-32 as the PNG specification defines it (polynomial 0xEDB88320, reflected, initial and final XOR all ones).
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
