using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Which requirements of an assessment bear on a section of the form: those with a figure read from one of the
/// section's answers. The relation goes through the form's answer slots (<see cref="FormAnswerKeys"/>), not through
/// key prefixes: a figure names an answer key (<c>openness.foreignFirms.y3</c>) or a whole field (a checkbox list such
/// as <c>openness.exchange</c>), and either belongs to the section whose slots carry it. Figures from settings
/// (<c>settings.…</c>) or computed ones (no source) belong to no section.
/// </summary>
public static class AssessmentSections
{
    // Every section page asks with the same definition and round: build the key → section map once per definition
    // instance and round. Weak keys let snapshot copies of definitions be collected.
    private static readonly ConditionalWeakTable<FormDefinition, ConcurrentDictionary<int, IReadOnlyDictionary<string, string>>> Cache = [];

    /// <summary>The keys of the requirements that read an answer of <paramref name="sectionKey"/> ("cover" for the cover).</summary>
    public static IReadOnlySet<string> RequirementsReading(this Assessment assessment, FormDefinition form, string sectionKey)
    {
        var sections = SectionsOf(form, assessment.RoundYear);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in assessment.Groups.SelectMany(g => g.Requirements))
        {
            if (requirement.Figures.Any(f => f.SourceKey is { } source && sections.TryGetValue(source, out var section) && section == sectionKey))
            {
                keys.Add(requirement.Key);
            }
        }
        return keys;
    }

    /// <summary>The section of every answer key and field key of the form (group fields and their children included).</summary>
    private static IReadOnlyDictionary<string, string> SectionsOf(FormDefinition form, int roundYear) =>
        Cache.GetValue(form, _ => new ConcurrentDictionary<int, IReadOnlyDictionary<string, string>>())
            .GetOrAdd(roundYear, year => Build(form, year));

    private static Dictionary<string, string> Build(FormDefinition form, int roundYear)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slot in FormAnswerKeys.For(form, roundYear))
        {
            map.TryAdd(slot.Key, slot.SectionKey);
            map.TryAdd(slot.FieldKey, slot.SectionKey);
        }
        // A group's own key has no slot of its own (its children carry theirs).
        AddFields(map, form.Cover, FormAnswerKeys.CoverSection);
        foreach (var section in form.Sections)
        {
            AddFields(map, section.Fields, section.Key);
        }
        return map;
    }

    private static void AddFields(Dictionary<string, string> map, IEnumerable<FormField> fields, string sectionKey)
    {
        foreach (var field in fields)
        {
            map.TryAdd(field.Key, sectionKey);
            if (field.Fields is { } children)
            {
                AddFields(map, children, sectionKey);
            }
        }
    }
}
