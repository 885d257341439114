namespace SmeZones.Core.Review;

/// <summary>What a workflow step came to: done, or refused with messages for the reviewer.</summary>
public sealed record ReviewOutcome(IReadOnlyList<OperationError> Errors)
{
    public static ReviewOutcome Done { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static ReviewOutcome Refused(string message, string key = OperationError.WholeRequest) => new([new OperationError(key, message)]);
}

/// <summary>A return for revision as the reviewer wrote it: section key ("cover", "basic", …) → comment, and a general one.</summary>
public sealed record RevisionInput(IReadOnlyDictionary<string, string?> SectionComments, string? GeneralComment);

/// <summary>
/// A decision as posted. <see cref="Version"/> is the stage review's xmin the reviewer saw (0 when there was none yet),
/// so a decision made on a stale page is refused rather than overwriting someone else's.
/// </summary>
public sealed record DecisionInput(ReviewDecision Decision, string? Reason, string? Opinion, uint Version);

/// <summary>A sign-off as posted: the reviewer ticked the confirmation for the review at <see cref="Version"/>.</summary>
public sealed record SignOffInput(bool Confirmed, uint Version, string SignerName);
