using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// One edition of a certification standard (认定标准) as the portal applies it: its rules and the thresholds a round
/// may relax. Which forms it reads is the forms' declaration (<c>edition.criteria</c>), not the edition's: a new
/// form edition that keeps the semantic answer keys reuses the criteria unchanged.
/// </summary>
public abstract class CriteriaEdition
{
    /// <summary>Stable key, e.g. <c>zone-2024</c>.</summary>
    public abstract string Key { get; }

    /// <summary>Chinese title, e.g. "中外中小企业合作区认定标准（2024年版）".</summary>
    public abstract string Title { get; }

    /// <summary>The document the rules come from.</summary>
    public abstract string Source { get; }

    /// <summary>True when reviewers score points per dimension (zones); false when they judge pass/fail (clusters).</summary>
    public virtual bool ScoresPoints => false;

    /// <summary>The regions the standard relaxes for, as its wording names them ("中西部/东北", "西部").</summary>
    public abstract string RelaxedRegionsText { get; }

    /// <summary>True when a rule compares with the province's own 3-year averages, which the reviewing authority enters.</summary>
    public virtual bool ReadsProvinceFigures => false;

    /// <summary>The region classes the standard says may be relaxed ("适当放宽").</summary>
    public abstract IReadOnlySet<RegionClass> RelaxableClasses { get; }

    /// <summary>The numeric thresholds, each with the key a relaxation names.</summary>
    public abstract IReadOnlyList<Threshold> Thresholds { get; }

    /// <summary>Every requirement key the edition yields, in order.</summary>
    public abstract IReadOnlyList<string> RequirementKeys { get; }

    /// <summary>True when the form declares this criteria edition.</summary>
    public bool Reads(Forms.FormDefinition form) => form.TryDeclared()?.Criteria == Key;

    internal Threshold ThresholdFor(string key) => Thresholds.Single(t => t.Key == key);

    internal abstract IReadOnlyList<AssessmentGroup> Evaluate(AssessmentInput input);

    internal abstract IEnumerable<ConsistencyWarning> Warnings(AssessmentInput input);
}
