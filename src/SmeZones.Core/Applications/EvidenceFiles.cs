using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>When a slot's 佐证材料 must be present for the application to be submitted.</summary>
public enum EvidenceRequirement
{
    /// <summary>Always (the zone forms number every 佐证材料 the applicant must attach).</summary>
    Always,

    /// <summary>When any option of the related checkbox list is ticked ("（注：勾选需提供佐证材料）").</summary>
    WhenTicked,

    /// <summary>When the related yes/no question is answered 是 ("（如涉及，需提供佐证材料）").</summary>
    WhenYes,

    /// <summary>When the related count or table holds a number above zero ("（需提供清单及佐证材料）").</summary>
    WhenPositive,
}

/// <summary>One place an edition asks for 佐证材料, and so one list of uploaded files.</summary>
public sealed record EvidenceSlot
{
    /// <summary>"1" … "15" for the numbered 佐证材料 of the zone forms; the field key for the cluster forms.</summary>
    public required string Key { get; init; }

    /// <summary>What the page shows, e.g. "佐证材料 1：合作区入驻企业名录".</summary>
    public required string Title { get; init; }

    /// <summary>The form rows that ask for it, by their short names.</summary>
    public required IReadOnlyList<string> RowNames { get; init; }

    /// <summary>The answer keys of those rows are these field keys or start with one of them and a dot.</summary>
    public required IReadOnlyList<string> FieldKeys { get; init; }

    public required EvidenceRequirement Requirement { get; init; }

    /// <summary>A short Chinese explanation of <see cref="Requirement"/> for the page.</summary>
    public string RequirementText => Requirement switch
    {
        EvidenceRequirement.Always => "必须提供",
        EvidenceRequirement.WhenTicked => "勾选了任一项时必须提供",
        EvidenceRequirement.WhenYes => "选择“是”时必须提供",
        EvidenceRequirement.WhenPositive => "填写的数量大于 0 时必须提供",
        _ => "",
    };

    /// <summary>Whether the answers as they stand make this slot's files necessary for submission.</summary>
    public bool IsRequiredBy(IReadOnlyDictionary<string, string> answers) => Requirement switch
    {
        EvidenceRequirement.Always => true,
        EvidenceRequirement.WhenTicked => RelatedAnswers(answers).Any(a => a.Value == "true"),
        EvidenceRequirement.WhenYes => FieldKeys.Any(k => answers.TryGetValue(k, out var v) && v == "yes"),
        EvidenceRequirement.WhenPositive => RelatedAnswers(answers).Any(a => FormNumbers.Read(a.Value) > 0),
        _ => true,
    };

    private IEnumerable<KeyValuePair<string, string>> RelatedAnswers(IReadOnlyDictionary<string, string> answers) =>
        answers.Where(a => FieldKeys.Any(k => a.Key == k || a.Key.StartsWith(k + ".", StringComparison.Ordinal)));
}

/// <summary>The 佐证材料 an edition asks for, read from the <c>evidence</c> numbers and <c>evidenceNote</c>s of its rows.</summary>
public static partial class EvidenceSlots
{
    [GeneratedRegex(@"佐证材料\s*(?<n>\d+)\s*[：:]\s*(?<name>[^）)]+)")]
    private static partial Regex NamedInNote();

    /// <summary>
    /// Numbered slots first, by number (several rows may share a number; their names are joined), then one slot per
    /// row that carries an evidence note without numbers, in form order. Every numbered slot is required; a note-based
    /// slot is required when the answer it qualifies makes it so (see <see cref="EvidenceRequirement"/>).
    /// </summary>
    public static IReadOnlyList<EvidenceSlot> For(FormDefinition definition, int? roundYear = null)
    {
        var year = roundYear ?? definition.RoundYear;
        var numbered = new SortedDictionary<int, List<FormField>>();
        var noted = new List<EvidenceSlot>();
        foreach (var field in Walk(definition.Cover.Concat(definition.Sections.SelectMany(s => s.Fields))))
        {
            if (field.Evidence is { Count: > 0 } numbers)
            {
                foreach (var number in numbers)
                {
                    if (!numbered.TryGetValue(number, out var rows))
                    {
                        numbered[number] = rows = [];
                    }
                    rows.Add(field);
                }
            }
            else if (field.EvidenceNote is not null)
            {
                var name = FormTemplate.Resolve(field.DisplayName.TrimEnd('：', ':'), year);
                noted.Add(new EvidenceSlot
                {
                    Key = field.Key,
                    Title = name + field.EvidenceNote,
                    RowNames = [name],
                    FieldKeys = [.. SubtreeKeys(field)],
                    Requirement = RequirementOf(field),
                });
            }
        }

        var slots = numbered.Select(pair => Numbered(pair.Key, pair.Value, year)).ToList();
        slots.AddRange(noted);
        return slots;
    }

    /// <summary>Slots the answers make necessary that have no file yet; what a submission must refuse.</summary>
    public static IReadOnlyList<EvidenceSlot> Missing(
        IEnumerable<EvidenceSlot> slots, IReadOnlyDictionary<string, string> answers, IEnumerable<string> slotKeysWithFiles)
    {
        var filled = slotKeysWithFiles.ToHashSet(StringComparer.Ordinal);
        return slots.Where(s => s.IsRequiredBy(answers) && !filled.Contains(s.Key)).ToList();
    }

    private static EvidenceSlot Numbered(int number, List<FormField> rows, int year)
    {
        var names = rows.Select(r => FormTemplate.Resolve(r.DisplayName, year)).ToList();
        // A note may name the material itself ("佐证材料 1：合作区入驻企业名录"); that says more than the row name.
        var named = rows.Select(r => r.EvidenceNote is null ? null : NamedInNote().Match(r.EvidenceNote))
            .FirstOrDefault(m => m is { Success: true } && m.Groups["n"].Value == number.ToString(CultureInfo.InvariantCulture));
        var title = named is not null ? named.Groups["name"].Value.Trim() : string.Join("；", names);
        return new EvidenceSlot
        {
            Key = number.ToString(CultureInfo.InvariantCulture),
            Title = $"佐证材料 {number}：{title}",
            RowNames = names,
            FieldKeys = [.. rows.SelectMany(SubtreeKeys)],
            Requirement = EvidenceRequirement.Always,
        };
    }

    private static EvidenceRequirement RequirementOf(FormField field) => field.Type switch
    {
        FieldType.Checkboxes => EvidenceRequirement.WhenTicked,
        FieldType.YesNo => EvidenceRequirement.WhenYes,
        FieldType.Number or FieldType.Yearly or FieldType.YearGrid or FieldType.Table or FieldType.CountNames or FieldType.Group
            => EvidenceRequirement.WhenPositive,
        _ => EvidenceRequirement.Always,
    };

    private static IEnumerable<FormField> Walk(IEnumerable<FormField> fields)
    {
        foreach (var field in fields)
        {
            yield return field;
            foreach (var child in Walk(field.Fields ?? []))
            {
                yield return child;
            }
        }
    }

    // A group's children have keys of their own (innovation.platforms holds innovation.nationalPlatforms …).
    private static IEnumerable<string> SubtreeKeys(FormField field) => Walk([field]).Select(f => f.Key).Distinct();
}

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

/// <summary>Size limits of 佐证材料, from the configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceLimits
{
    public const string Section = "Evidence";

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The configured limits (defaults where absent); refuses limits that make no sense at start rather than at upload.</summary>
    public static EvidenceLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<EvidenceLimits>() ?? new EvidenceLimits();
        if (limits.MaxFileBytes <= 0 || limits.MaxTotalBytes < limits.MaxFileBytes)
        {
            throw new InvalidOperationException(
                $"Evidence limits are invalid: MaxFileBytes={limits.MaxFileBytes}, MaxTotalBytes={limits.MaxTotalBytes}; both must be positive and the total at least one file.");
        }
        return limits;
    }
}

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
