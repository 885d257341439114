using System.Globalization;
using System.Text.RegularExpressions;
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
