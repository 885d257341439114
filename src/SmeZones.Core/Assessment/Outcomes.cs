namespace SmeZones.Core.Assessment;

/// <summary>Combining outcomes of the parts of a requirement worded "A 且 B" or "A 或 B".</summary>
internal static class Outcomes
{
    /// <summary>All must hold: one failing part fails it even while another is missing (it cannot pass any more).</summary>
    public static RequirementOutcome All(IEnumerable<RequirementOutcome> parts) => Combine(parts, RequirementOutcome.NotMet, RequirementOutcome.Met);

    /// <summary>One suffices: one met part meets it even while another is missing.</summary>
    public static RequirementOutcome Any(IEnumerable<RequirementOutcome> parts) => Combine(parts, RequirementOutcome.Met, RequirementOutcome.NotMet);

    // The deciding outcome settles it; short of that a missing part leaves it open, then a part for the reviewer;
    // otherwise every part went the other way.
    private static RequirementOutcome Combine(IEnumerable<RequirementOutcome> parts, RequirementOutcome deciding, RequirementOutcome otherwise)
    {
        var list = parts.ToList();
        RequirementOutcome[] precedence = [deciding, RequirementOutcome.DataMissing, RequirementOutcome.ReviewerJudgement];
        return precedence.FirstOrDefault(list.Contains, otherwise);
    }
}
