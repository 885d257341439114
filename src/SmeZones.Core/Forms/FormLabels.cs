using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SmeZones.Core.Applications;

namespace SmeZones.Core.Forms;

/// <summary>
/// The one place that turns what a definition keys into the words officers read: an answer key into its official
/// label with its year ("合作区内中小企业营业收入占比（2025年）", never "revenue.smeShare.y3"), a section key into its
/// heading ("封面", "一、基本情况") and an evidence slot into its title. Pages, import reports, assessments and the audit
/// trail ask it instead of showing a key; a key the definition does not know gets null, and the caller says so in words.
/// </summary>
public sealed class FormLabels
{
    // Built once per definition instance and round, as the slots are (FormAnswerKeys); weak keys let snapshot copies go.
    private static readonly ConditionalWeakTable<FormDefinition, ConcurrentDictionary<int, FormLabels>> Cache = [];

    private readonly Dictionary<string, string> _answers;
    private readonly Dictionary<string, string> _sections;
    private readonly Dictionary<string, string> _evidence;

    private FormLabels(FormDefinition definition, int roundYear)
    {
        _answers = FormAnswerKeys.For(definition, roundYear).DistinctBy(s => s.Key).ToDictionary(s => s.Key, s => s.Label, StringComparer.Ordinal);
        _sections = Headings(definition).DistinctBy(h => h.Key).ToDictionary(h => h.Key, h => h.Heading, StringComparer.Ordinal);
        _evidence = EvidenceSlots.For(definition, roundYear).DistinctBy(s => s.Key).ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);
    }

    public static FormLabels For(FormDefinition definition, int roundYear) =>
        Cache.GetValue(definition, _ => new ConcurrentDictionary<int, FormLabels>()).GetOrAdd(roundYear, year => new FormLabels(definition, year));

    /// <summary>The sections in printed order with their headings, the cover first ("封面", "一、基本情况", ...).</summary>
    public static IReadOnlyList<(string Key, string Heading)> Headings(FormDefinition definition) =>
        [(FormAnswerKeys.CoverSection, "封面"), .. definition.Sections.Select(s => (s.Key, $"{s.Number}、{s.Title}"))];

    /// <summary>The official label (with its year where the answer is per year) of an answer key; null for a key the edition lacks.</summary>
    public string? Answer(string key) => _answers.GetValueOrDefault(key);

    /// <summary>The heading of a section key ("cover" is 封面); null for a key the edition lacks.</summary>
    public string? Section(string key) => _sections.GetValueOrDefault(key);

    /// <summary>The title of an evidence slot, e.g. "佐证材料 1：合作区入驻企业名录"; null for a slot the edition lacks.</summary>
    public string? Evidence(string slotKey) => _evidence.GetValueOrDefault(slotKey);
}
