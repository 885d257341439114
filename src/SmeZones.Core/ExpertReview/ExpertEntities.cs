namespace SmeZones.Core.ExpertReview;

/// <summary>
/// A 评审专家 in the ministry's pool (专家库): the account (role Expert) plus what the draw and the conflict rules read.
/// The expert's organisation is the account's organisation; the provincial unit is kept here because an expert's
/// employer may be a university or institute that the portal does not know as an authority.
/// </summary>
public class ExpertProfile
{
    public Guid UserId { get; set; }

    /// <summary>所在单位 as the expert states it (e.g. 中山大学).</summary>
    public string WorkUnit { get; set; } = "";

    /// <summary>The provincial unit (province, 计划单列市 or 兵团) code the expert belongs to; same as an applicant's → 回避.</summary>
    public required string ProvincialUnitCode { get; set; }

    /// <summary>专业领域, e.g. 国际合作, 产业经济; the draw can be limited to one.</summary>
    public List<string> Fields { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The round's settings for expert review, kept apart from the round itself (the round editor owns Campaign).</summary>
public class ExpertReviewSettings
{
    public int CampaignId { get; set; }
    public int ExpertsPerApplication { get; set; } = 5;
    public int ReservesPerApplication { get; set; } = 2;

    /// <summary>An application is flagged when its highest and lowest totals differ by this much or more.</summary>
    public decimal SpreadThreshold { get; set; } = 20m;

    /// <summary>An expert sees the others' sheets only after submitting their own.</summary>
    public bool HideScoresUntilSubmitted { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public static ExpertReviewSettings DefaultsFor(int campaignId) => new() { CampaignId = campaignId };
}

public enum AssignmentStatus
{
    /// <summary>Assigned; the expert has not yet confirmed there is no conflict (a reserve waits here too).</summary>
    Pending = 0,

    /// <summary>The expert confirmed no conflict and may read and score the application.</summary>
    Confirmed = 1,

    /// <summary>The expert declared 回避 (with a reason); a reserve takes the place.</summary>
    Recused = 2,

    /// <summary>Taken off the group by the ministry.</summary>
    Removed = 3,
}

/// <summary>One expert on one application's review group, with the expert's score sheet.</summary>
public class ExpertAssignment
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int CampaignId { get; set; }
    public Guid ExpertId { get; set; }

    /// <summary>A reserve (候补) becomes a member when a member declares 回避 or is removed.</summary>
    public bool IsReserve { get; set; }

    /// <summary>Order within the group as drawn or assigned: the first waiting reserve is brought in first.</summary>
    public int Position { get; set; }
    public AssignmentStatus Status { get; set; }
    public Guid? DrawId { get; set; }

    /// <summary>Why the ministry assigned an expert despite a conflict of interest; null when there was none.</summary>
    public string? ConflictOverrideReason { get; set; }
    public string? RecusalReason { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    // The score sheet (评分表).
    public Dictionary<string, decimal> Points { get; set; } = [];
    public Dictionary<string, string> Judgements { get; set; } = [];
    public Dictionary<string, string> Comments { get; set; } = [];

    /// <summary>评审意见.</summary>
    public string? Opinion { get; set; }
    public bool Abstained { get; set; }
    public string? AbstainReason { get; set; }

    /// <summary>Set on submission: the sheet is locked until the ministry reopens it.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public bool IsActiveMember => !IsReserve && Status is AssignmentStatus.Pending or AssignmentStatus.Confirmed;
}

/// <summary>
/// A random draw (随机抽取) as performed: the seed, the eligible candidates in the order the shuffle read them and the
/// experts it picked, so anyone can run <see cref="ExpertDrawing.Pick"/> again and get the same group.
/// </summary>
public class ExpertDraw
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public long Seed { get; set; }

    /// <summary>The 专业领域 the draw was limited to; null for the whole pool.</summary>
    public string? Field { get; set; }
    public List<Guid> Candidates { get; set; } = [];

    /// <summary>Members first, then reserves.</summary>
    public List<Guid> Drawn { get; set; } = [];
    public int Members { get; set; }
    public int Reserves { get; set; }
    public Guid DrawnById { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
}
