namespace SmeZones.Core.Assessment;

/// <summary>Combining outcomes of the parts of a requirement worded "A 且 B" or "A 或 B".</summary>
internal static class Outcomes
{
    /// <summary>All must hold: one failing part fails it even while another is missing (it cannot pass any more).</summary>
    public static RequirementOutcome All(IEnumerable<RequirementOutcome> parts)
    {
        var list = parts.ToList();
        return list.Contains(RequirementOutcome.NotMet) ? RequirementOutcome.NotMet
            : list.Contains(RequirementOutcome.DataMissing) ? RequirementOutcome.DataMissing
            : list.Contains(RequirementOutcome.ReviewerJudgement) ? RequirementOutcome.ReviewerJudgement
            : RequirementOutcome.Met;
    }

    /// <summary>One suffices: one met part meets it even while another is missing.</summary>
    public static RequirementOutcome Any(IEnumerable<RequirementOutcome> parts)
    {
        var list = parts.ToList();
        return list.Contains(RequirementOutcome.Met) ? RequirementOutcome.Met
            : list.Contains(RequirementOutcome.DataMissing) ? RequirementOutcome.DataMissing
            : list.Contains(RequirementOutcome.ReviewerJudgement) ? RequirementOutcome.ReviewerJudgement
            : RequirementOutcome.NotMet;
    }
}
