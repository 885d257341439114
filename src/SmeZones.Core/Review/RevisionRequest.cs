namespace SmeZones.Core.Review;

/// <summary>A return for revision (退回修改): the reviewer's comments per section, answered by a resubmission.</summary>
public class RevisionRequest
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int StageOrder { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Section key ("cover", "basic", …) → what to revise there.</summary>
    public Dictionary<string, string> SectionComments { get; set; } = [];
    public string? GeneralComment { get; set; }
    public DateTimeOffset ReturnedAt { get; set; }
    public Guid ReturnedById { get; set; }

    /// <summary>The submission that was returned; the resubmission is compared with it field by field.</summary>
    public int ReturnedSubmissionSequence { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
