using System.Buffers;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The first half of <see cref="ControlCharacterFilter"/>: ASP.NET Core's own decoder refuses an URL-encoded form
/// holding <c>%00</c> (InvalidDataException, a 500) before any filter could clean it, so the escapes of C0 control
/// characters (not tab, CR, LF) are removed from URL-encoded bodies before they are decoded. What they decode to is
/// then cleaned with every other text by the filter.
/// </summary>
public sealed class ControlCharacterBody(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var cleaned = Strip(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            request.Body = new MemoryStream(cleaned, writable: false);
            request.ContentLength = cleaned.Length;
        }
        await next(context);
    }

    /// <summary>Drops raw C0 bytes and their %XX escapes; everything else, other escapes included, is kept as sent.</summary>
    internal static byte[] Strip(ReadOnlySpan<byte> body)
    {
        var output = new ArrayBufferWriter<byte>(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == (byte)'%' && i + 2 < body.Length
                && TryHex(body[i + 1], body[i + 2], out var value) && IsRefused(value))
            {
                i += 3;
                continue;
            }
            if (!IsRefused(body[i]))
            {
                output.Write(body.Slice(i, 1));
            }
            i++;
        }
        return output.WrittenSpan.ToArray();
    }

    private static bool IsRefused(int b) => b is < 0x20 and not ('\t' or '\r' or '\n') or 0x7F;

    private static bool TryHex(byte high, byte low, out int value)
    {
        value = (Hex(high) << 4) | Hex(low);
        return Hex(high) >= 0 && Hex(low) >= 0;
    }

    private static int Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
