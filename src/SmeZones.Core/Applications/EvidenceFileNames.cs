using System.Globalization;
using System.Text;

namespace SmeZones.Core.Applications;

/// <summary>File names and sizes as the portal stores and shows them.</summary>
public static class EvidenceFileNames
{
    public const int MaxLength = 255;

    private const string Fallback = "佐证材料";

    private static readonly char[] Reserved = ['<', '>', ':', '"', '|', '?', '*'];

    /// <summary>
    /// The name without any path a browser sent (old IE sends C:\…), without control and bidi-format characters
    /// (which can disguise "exe" as "pdf"), Windows-reserved characters replaced, at most 255 characters, Chinese kept.
    /// The detected type's extension is added when the name does not already end in one of its extensions.
    /// </summary>
    public static string Sanitise(string? fileName, EvidenceFileType type)
    {
        var stem = Clean(fileName);
        var extension = type.Extensions.FirstOrDefault(e => stem.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is not null)
        {
            extension = stem[^extension.Length..];
            stem = stem[..^extension.Length].TrimEnd();
        }
        else
        {
            extension = type.Extension;
        }
        if (stem.Length == 0)
        {
            stem = Fallback;
        }
        return Truncate(stem, MaxLength - extension.Length) + extension;
    }

    /// <summary>The name as sent, without path, control or format characters; for messages about refused files too.</summary>
    public static string Clean(string? fileName)
    {
        var name = (fileName ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            clean.Append(Array.IndexOf(Reserved, c) >= 0 ? '_' : c);
        }
        return clean.ToString().Trim().Trim('.').Trim();
    }

    /// <summary>"812 字节", "35.2 KB", "23.4 MB": one decimal, trailing zero dropped.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
        < 1024 * 1024 => OneDecimal(bytes / 1024d) + " KB",
        _ => OneDecimal(bytes / (1024d * 1024d)) + " MB",
    };

    private static string OneDecimal(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    // Cut between text elements, so a surrogate pair or combining sequence is never split.
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && length + elements.GetTextElement().Length <= maxLength)
        {
            length += elements.GetTextElement().Length;
        }
        return text[..length];
    }
}
