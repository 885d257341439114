namespace SmeZones.Core.Assessment;

/// <summary>
/// A numeric threshold of a standard. Its <see cref="Key"/> is what a round's relaxation names
/// (<see cref="AssessmentSettings.Relaxations"/>): a requirement with two thresholds (A 或 B) has two keys.
/// </summary>
/// <param name="Key">E.g. <c>openness.foreignFirms</c> or <c>innovation.patentsOrPct.pct</c>.</param>
/// <param name="Title">Chinese name of the indicator.</param>
/// <param name="Comparison">As the standard words it (高于 excludes, 不低于/以上 include).</param>
/// <param name="Value">The standard's figure.</param>
/// <param name="Unit">亿元, %, 家, 个, 平方公里.</param>
/// <param name="IsCount">Counts of firms or bodies read "不少于/少于" rather than "不低于/低于".</param>
public sealed record Threshold(string Key, string Title, Comparison Comparison, decimal Value, string Unit, bool IsCount = false);

/// <summary>The outcome of comparing one figure with one threshold, in a sentence.</summary>
internal sealed record ThresholdCheck(RequirementOutcome Outcome, string Sentence, decimal EffectiveThreshold, AppliedRelaxation? Relaxation);

internal static class Thresholds
{
    /// <summary>The threshold in force for the applicant: the round's relaxed value when it applies.</summary>
    public static (decimal Value, AppliedRelaxation? Relaxation) Effective(AssessmentInput input, Threshold threshold)
    {
        var relaxed = input.Settings.RelaxedThreshold(threshold.Key);
        return relaxed is { } value
            ? (value, new AppliedRelaxation(threshold.Key, threshold.Value, value, threshold.Unit, input.Settings.ApplicantRegionClass!.Value))
            : (threshold.Value, null);
    }

    /// <summary>Compares a read figure with a threshold: "2025年外资或合资企业 12家，不少于10家".</summary>
    public static ThresholdCheck Check(AssessmentInput input, Threshold threshold, NumberRead read, string subject) =>
        read.Value is { } value
            ? Check(input, threshold, value, subject)
            : new ThresholdCheck(RequirementOutcome.DataMissing, $"{subject}{read.Problem}", Effective(input, threshold).Value, Effective(input, threshold).Relaxation);

    public static ThresholdCheck Check(AssessmentInput input, Threshold threshold, decimal value, string subject)
    {
        var (effective, relaxation) = Effective(input, threshold);
        var holds = threshold.Comparison.Holds(value, effective);
        var (yes, no) = threshold.Comparison.Words(threshold.IsCount);
        var sentence = $"{subject} {Fmt.WithUnit(value, threshold.Unit)}，{(holds ? yes : no)}{Fmt.WithUnit(effective, threshold.Unit)}{RelaxationNote(relaxation)}";
        return new ThresholdCheck(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, sentence, effective, relaxation);
    }

    /// <summary>Compares with a threshold no round may relax (the plan rules a–g printed on the form).</summary>
    public static ThresholdCheck Fixed(Threshold threshold, NumberRead read, string subject)
    {
        if (read.Value is not { } value)
        {
            return new ThresholdCheck(RequirementOutcome.DataMissing, $"{subject}{read.Problem}", threshold.Value, null);
        }

        var holds = threshold.Comparison.Holds(value, threshold.Value);
        var (yes, no) = threshold.Comparison.Words(threshold.IsCount);
        return new ThresholdCheck(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, $"{subject} {Fmt.WithUnit(value, threshold.Unit)}，{(holds ? yes : no)}{Fmt.WithUnit(threshold.Value, threshold.Unit)}", threshold.Value, null);
    }

    /// <summary>"（西部地区放宽：标准100亿元，本轮放宽为80亿元）", or empty.</summary>
    public static string RelaxationNote(AppliedRelaxation? relaxation) =>
        relaxation is null
            ? string.Empty
            : $"（{Regions.RegionDisplayNames.ToDisplayName(relaxation.RegionClass)}地区放宽：标准{Fmt.WithUnit(relaxation.OriginalThreshold, relaxation.Unit)}，本轮放宽为{Fmt.WithUnit(relaxation.RelaxedThreshold, relaxation.Unit)}）";
}
