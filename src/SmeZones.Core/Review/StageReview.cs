namespace SmeZones.Core.Review;

/// <summary>
/// One reviewing unit's work on one application at one stage of the chain: points or judgements, the decision,
/// the 推荐意见 and the sign-off that locks it all.
/// </summary>
public class StageReview
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int StageOrder { get; set; }

    /// <summary>The reviewing unit (e.g. 广东省工业和信息化厅).</summary>
    public int OrganisationId { get; set; }

    /// <summary>Zone rounds: dimension key → points awarded (0 to the dimension's maximum, steps of 0.5).</summary>
    public Dictionary<string, decimal> Points { get; set; } = [];

    /// <summary>Dimension or requirement key → the reviewer's comment (required where points depart from the suggestion).</summary>
    public Dictionary<string, string> Comments { get; set; } = [];

    /// <summary>Cluster rounds: dimension key → "pass" or "fail".</summary>
    public Dictionary<string, string> Judgements { get; set; } = [];

    public ReviewDecision Decision { get; set; }

    /// <summary>Why not recommended; the applicant sees it.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>推荐意见: printed in the form's opinion place when this is the form's stage (<see cref="StageOpinions.FormStage"/>); no summary table has a column for it.</summary>
    public string? Opinion { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? SignedOffAt { get; set; }
    public Guid? SignedOffById { get; set; }
    public string? SignedOffByName { get; set; }

    /// <summary>The assessment as it stood at sign-off (AssessmentJson), so the decision can be read with its figures.</summary>
    public string? AssessmentJson { get; set; }

    /// <summary>
    /// Whether that assessment met every gate (null without one): stored beside the JSON so the national list filters and
    /// shows the verdict without reading thousands of assessments (ADR 0078). Set only with it, by <see cref="KeepAssessment"/>.
    /// </summary>
    public bool? GatesMet { get; set; }

    /// <summary>Keeps the assessment the decision is signed off with, and its verdict.</summary>
    public void KeepAssessment(Assessment.Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        AssessmentJson = Assessment.AssessmentJson.Serialize(assessment);
        GatesMet = assessment.AllGatesMet;
    }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public bool IsSignedOff => SignedOffAt is not null;
}

public enum ReviewDecision
{
    Undecided = 0,
    Recommend = 1,
    NotRecommend = 2,
}
