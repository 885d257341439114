using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// One edition of a certification standard (认定标准) as the portal applies it: its rules, the form
/// editions whose answers it reads, and the thresholds a round may relax.
/// </summary>
public abstract class CriteriaEdition
{
    /// <summary>Stable key, e.g. <c>zone-2024</c>.</summary>
    public abstract string Key { get; }

    /// <summary>Chinese title, e.g. "中外中小企业合作区认定标准（2024年版）".</summary>
    public abstract string Title { get; }

    /// <summary>The document the rules come from.</summary>
    public abstract string Source { get; }

    /// <summary>The form editions (see <see cref="Forms.FormEditionCatalogue"/>) this edition reads.</summary>
    public abstract IReadOnlyList<string> FormEditions { get; }

    /// <summary>The region classes the standard says may be relaxed ("适当放宽").</summary>
    public abstract IReadOnlySet<RegionClass> RelaxableClasses { get; }

    /// <summary>The numeric thresholds, each with the key a relaxation names.</summary>
    public abstract IReadOnlyList<Threshold> Thresholds { get; }

    /// <summary>Every requirement key the edition yields, in order.</summary>
    public abstract IReadOnlyList<string> RequirementKeys { get; }

    /// <summary>True when this edition reads answers of the given form edition.</summary>
    public bool Reads(string formEditionKey) => FormEditions.Contains(formEditionKey, StringComparer.Ordinal);

    internal Threshold ThresholdFor(string key) => Thresholds.Single(t => t.Key == key);

    internal abstract IReadOnlyList<AssessmentGroup> Evaluate(AssessmentInput input);

    internal abstract IEnumerable<ConsistencyWarning> Warnings(AssessmentInput input);
}
