using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Applications;

/// <summary>One organisation's application in one campaign, from draft through review.</summary>
public class Application
{
    public Guid Id { get; set; }

    /// <summary>Human-readable, e.g. HZQ-2026-0007, printed on every PDF page.</summary>
    public required string Number { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Jurisdiction codes copied from the applicant's region at creation, so access checks are plain SQL.</summary>
    public required string RegionCode { get; set; }
    public required string PrefectureCode { get; set; }
    public required string ProvincialUnitCode { get; set; }

    /// <summary>合作区名称 or 集群名称, kept in step with the answer that holds it.</summary>
    public string Title { get; set; } = "";
    public ApplicationStatus Status { get; set; }

    /// <summary>The review stage that holds the application now; 0 while it is with the applicant.</summary>
    public int CurrentStageOrder { get; set; }

    /// <summary>The furthest stage it has reached, so a reviewer keeps sight of what it returned or passed on.</summary>
    public int ReachedStageOrder { get; set; }
    public required string FormEditionKey { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>重点合作国别（区域） for the 推荐汇总表, written by the applicant.</summary>
    public string? SummaryPartners { get; set; }

    /// <summary>合作区简介（300字以内） for the 推荐汇总表, written by the applicant from a draft the portal composes.</summary>
    public string? SummaryIntro { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The registry entry this application re-reviews (复核), created by its re-review round; null otherwise.</summary>
    public Guid? ReReviewEntryId { get; set; }

    /// <summary>The ministry's expert review group, so access rules can ask whether an expert is on it.</summary>
    public List<ExpertReview.ExpertAssignment> ExpertAssignments { get; set; } = [];

    /// <summary>PostgreSQL's xmin: a save based on a stale read is refused.</summary>
    public uint Version { get; set; }

    public bool IsEditableByApplicant => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;
}

public enum ApplicationStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,

    // 3 was "Recommended", never set: a recommendation is the stage review's decision, and a signed-off one moves the
    // application on (Submitted at the next stage, or Approved). Not reused, so old rows cannot change meaning.
    NotRecommended = 4,

    /// <summary>Passed the last stage of the chain (e.g. the ministry's decision, or the autonomous region's 复核).</summary>
    Approved = 5,
}

public static class ApplicationStatusNames
{
    public static string ToChinese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "已提交",
        ApplicationStatus.Returned => "退回修改",
        ApplicationStatus.NotRecommended => "不予推荐",
        ApplicationStatus.Approved => "审核通过",
        _ => status.ToString(),
    };
}
