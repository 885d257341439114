using SmeZones.Core.Forms;
using SmeZones.Core.Registry;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>
/// Everything the print view of one application shows: the form edition it is read with, the round that resolves
/// the edition's years, the answers, and where the copy stands (a draft, or a frozen submission with its fingerprint).
/// </summary>
public sealed record PrintRequest
{
    public required FormDefinition Definition { get; init; }

    /// <summary>The round year, e.g. 2026 for zone-2026, so the data years print as 2023年–2025年.</summary>
    public required int RoundYear { get; init; }

    public required FormAnswers Answers { get; init; }

    /// <summary>e.g. HZQ-2026-0001.</summary>
    public required string ApplicationNumber { get; init; }

    public required string OrganisationName { get; init; }

    /// <summary>True while the applicant can still change the answers (草稿 or 退回修改).</summary>
    public required bool IsDraft { get; init; }

    /// <summary>The first 16 hex digits of the submission's SHA-256; null for a draft.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>When the printed submission was made; null for a draft.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The 推荐意见 printed in the form's opinion place; null leaves the place blank for pen and stamp.</summary>
    public StageOpinion? Opinion { get; init; }

    /// <summary>
    /// Not on the paper form: the plan targets' completion the 复核 way (an annual report's), printed after the form as
    /// an appendix marked as computed by the portal; null prints none.
    /// </summary>
    public PlanProgress? Progress { get; init; }
}
