using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Review;

/// <summary>One reason a workflow step was refused; <see cref="Field"/> names the input it concerns, or null for the page.</summary>
public sealed record ReviewError(string? Field, string Message);

/// <summary>What a workflow step came to: done, or refused with messages for the reviewer.</summary>
public sealed record ReviewOutcome(IReadOnlyList<ReviewError> Errors)
{
    public static ReviewOutcome Done { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static ReviewOutcome Refused(string message, string? field = null) => new([new ReviewError(field, message)]);
}

/// <summary>
/// Where a reviewer stands with an application: the stage its organisation acts at, that stage's review if one exists,
/// and why it may not act now (null when it may).
/// </summary>
public sealed record ReviewPosition(ReviewStage? Stage, StageReview? Review, string? Refusal)
{
    public bool CanAct => Refusal is null;
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
