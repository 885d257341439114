using System.Text;

namespace SmeZones.Core.Exports;

/// <summary>
/// Writes RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.
/// UTF-8 with a byte order mark, because without one Excel reads the file as the local ANSI code page
/// and Chinese turns into mojibake. Text goes through <see cref="CellSafety.Neutralise"/>.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Each row is a sequence of strings, numbers or nulls; the first row is usually the column titles.</summary>
    public static byte[] ToArray(IEnumerable<IEnumerable<object?>> rows)
    {
        var text = Format(rows);
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text)];
    }

    /// <summary>Asynchronous, so it can write straight to a response body that forbids synchronous writes.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(ToArray(rows), cancellationToken);
    }

    /// <summary>One field: neutralised if text, then quoted if needed.</summary>
    public static string FormatField(object? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        if (ExportValue.TryFormatNumber(value, out var number))
        {
            return number;
        }

        var text = CellSafety.Neutralise((string)value);
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Format(IEnumerable<IEnumerable<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.AppendJoin(',', row.Select(FormatField)).Append("\r\n");
        }

        return builder.ToString();
    }
}
