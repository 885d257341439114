using System.Text.Json.Serialization;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>What the portal can say about one requirement of a standard.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RequirementOutcome>))]
public enum RequirementOutcome
{
    /// <summary>The figures meet the requirement as worded.</summary>
    Met,

    /// <summary>The figures do not meet it.</summary>
    NotMet,

    /// <summary>Qualitative, or the portal lacks a reference figure the form does not give: a reviewer decides.</summary>
    ReviewerJudgement,

    /// <summary>An answer the requirement needs is blank, unreadable or a reference figure is not entered yet.</summary>
    DataMissing,
}

/// <summary>How a group of requirements is used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupKind>))]
public enum GroupKind
{
    /// <summary>Every requirement must be met (门槛).</summary>
    Gates,

    /// <summary>A scored or judged dimension of the standard.</summary>
    Dimension,

    /// <summary>The future plan targets checked against the form's printed rules a–g.</summary>
    PlanTargets,

    /// <summary>The previous plan's targets against what was achieved (复核).</summary>
    PlanCompletion,
}

/// <summary>A figure the engine used, with where it came from, so a reviewer can trace it.</summary>
/// <param name="Label">What the figure is, in Chinese.</param>
/// <param name="Value">The number read or computed; null when blank or unreadable.</param>
/// <param name="Unit">亿元, %, 家, 个 … (empty for none).</param>
/// <param name="SourceKey">The answer key it was read from, a settings name (e.g. "settings.provinceFdiGrowthAverage"), or null when computed.</param>
/// <param name="Year">The data year it belongs to, when it is per year.</param>
/// <param name="Text">The raw text when it is not a number (a yes/no option, a description, an unreadable entry); for a
/// computed figure, how it was computed (a 完成率's formula), shown beside it.</param>
public sealed record FigureUsed(string Label, decimal? Value, string Unit, string? SourceKey, int? Year, string? Text = null);

/// <summary>A threshold replaced by the round's relaxed value for the applicant's region class.</summary>
public sealed record AppliedRelaxation(string ThresholdKey, decimal OriginalThreshold, decimal RelaxedThreshold, string Unit, RegionClass RegionClass);

/// <summary>The outcome of one requirement, with the rule as worded, the figures and a Chinese explanation.</summary>
public sealed record RequirementResult
{
    /// <summary>Stable key within the criteria edition, e.g. <c>openness.foreignFirms</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Short Chinese name, e.g. "外资或合资企业数量".</summary>
    public required string Title { get; init; }

    /// <summary>The rule verbatim from the standard or the form's printed note.</summary>
    public required string RuleText { get; init; }

    /// <summary>Where the rule text is printed, e.g. "认定标准（2024年版）二".</summary>
    public required string RuleSource { get; init; }

    public required RequirementOutcome Outcome { get; init; }

    /// <summary>Why, in Chinese, with the figures, e.g. "2025年外资或合资企业 12家，不少于10家".</summary>
    public required string Explanation { get; init; }

    public IReadOnlyList<FigureUsed> Figures { get; init; } = [];

    /// <summary>Relaxed thresholds applied to this requirement (empty when none).</summary>
    public IReadOnlyList<AppliedRelaxation> Relaxations { get; init; } = [];
}

/// <summary>Requirements of one part of a standard: its gates, one dimension, or the plan rules.</summary>
public sealed record AssessmentGroup
{
    /// <summary>Stable key, e.g. <c>gates</c>, <c>openness</c>, <c>plan</c>.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required GroupKind Kind { get; init; }

    /// <summary>Points of the dimension (zones); null where the standard is pass/fail.</summary>
    public decimal? MaxPoints { get; init; }

    /// <summary>Points needed in this dimension for a pass (zones: 开放合作 18), if any.</summary>
    public decimal? MinPointsToPass { get; init; }

    public required IReadOnlyList<RequirementResult> Requirements { get; init; }
}

/// <summary>Counts of outcomes over all requirements.</summary>
public sealed record AssessmentSummary(int Total, int Met, int NotMet, int ReviewerJudgement, int DataMissing)
{
    public static AssessmentSummary Of(IEnumerable<RequirementResult> requirements)
    {
        var list = requirements.ToList();
        int Count(RequirementOutcome o) => list.Count(r => r.Outcome == o);
        return new(list.Count, Count(RequirementOutcome.Met), Count(RequirementOutcome.NotMet), Count(RequirementOutcome.ReviewerJudgement), Count(RequirementOutcome.DataMissing));
    }
}

/// <summary>Figures that cannot all be true; shown to the reviewer, never changing an outcome.</summary>
/// <param name="Code">Stable kind, e.g. "shareOver100", "partExceedsTotal", "statedRateContradicts", "sectionsDisagree".</param>
/// <param name="Message">Chinese explanation with the figures.</param>
/// <param name="AnswerKeys">The answers involved.</param>
public sealed record ConsistencyWarning(string Code, string Message, IReadOnlyList<string> AnswerKeys);

/// <summary>
/// The assessment of one application against one criteria edition. Immutable and JSON-serialisable
/// (<see cref="AssessmentJson"/>) so it can be stored with a review and read later as it was.
/// </summary>
public sealed record Assessment
{
    public required string CriteriaEditionKey { get; init; }

    public required string CriteriaTitle { get; init; }

    public required string FormEditionKey { get; init; }

    public required int RoundYear { get; init; }

    /// <summary>The form's data years for the round, earliest first.</summary>
    public required IReadOnlyList<int> DataYears { get; init; }

    /// <summary>The settings the assessment was made with (relaxations, province reference figures).</summary>
    public required AssessmentSettings Settings { get; init; }

    /// <summary>Gates first, then the dimensions, then plan groups, in the standard's order.</summary>
    public required IReadOnlyList<AssessmentGroup> Groups { get; init; }

    public required AssessmentSummary Summary { get; init; }

    public required IReadOnlyList<ConsistencyWarning> Warnings { get; init; }

    /// <summary>True when every requirement of every gate group is <see cref="RequirementOutcome.Met"/>.</summary>
    public required bool AllGatesMet { get; init; }

    /// <summary>Every answer key the engine consulted, sorted (what the assessment relied on).</summary>
    public required IReadOnlyList<string> AnswerKeysRead { get; init; }

    /// <summary>The group with this key, or null.</summary>
    public AssessmentGroup? Group(string key) => Groups.FirstOrDefault(g => g.Key == key);

    /// <summary>The requirement with this key in any group, or null.</summary>
    public RequirementResult? Requirement(string key) =>
        Groups.SelectMany(g => g.Requirements).FirstOrDefault(r => r.Key == key);
}
