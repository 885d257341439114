namespace SmeZones.Core.Notifications;

/// <summary>A kind of message: a stable key stored with each message and the label the message list shows.</summary>
public sealed record MessageKind(string Key, string Label);

/// <summary>
/// Every kind of message the portal sends. Adding one (e.g. the registry's 年报到期) is one line here and one method on
/// <see cref="Notifications"/>; keys are stored as text, so no migration is needed (ADR 0043).
/// </summary>
public static class MessageKinds
{
    public static readonly MessageKind ReturnedForRevision = new("ReturnedForRevision", "退回修改");
    public static readonly MessageKind Recommended = new("Recommended", "推荐");
    public static readonly MessageKind NotRecommended = new("NotRecommended", "不予推荐");
    public static readonly MessageKind ForwardedToStage = new("ForwardedToStage", "待审核");
    public static readonly MessageKind ExpertAssigned = new("ExpertAssigned", "评审任务");
    public static readonly MessageKind ListPublished = new("ListPublished", "公示");
    public static readonly MessageKind ObjectionReceived = new("ObjectionReceived", "异议");
    public static readonly MessageKind ObjectionConcluded = new("ObjectionConcluded", "异议结论");
    public static readonly MessageKind Certified = new("Certified", "认定");
    public static readonly MessageKind NotCertified = new("NotCertified", "不予认定");
    public static readonly MessageKind DeadlineReminder = new("DeadlineReminder", "截止提醒");
    public static readonly MessageKind RegistryRequestFiled = new("RegistryRequestFiled", "名录申请待初审");
    public static readonly MessageKind RegistryRequestForwarded = new("RegistryRequestForwarded", "名录申请待审定");
    public static readonly MessageKind RegistryRequestReturned = new("RegistryRequestReturned", "名录申请退回");
    public static readonly MessageKind RegistryRequestApproved = new("RegistryRequestApproved", "名录申请通过");
    public static readonly MessageKind RegistryRevoked = new("RegistryRevoked", "撤销");
    public static readonly MessageKind RegistryReReviewPassed = new("RegistryReReviewPassed", "复核通过");
    public static readonly MessageKind RegistryExpired = new("RegistryExpired", "期满待复核");
    public static readonly MessageKind ReReviewApplicationCreated = new("ReReviewApplicationCreated", "复核申报");
    public static readonly MessageKind AnnualReportDue = new("AnnualReportDue", "年报到期提醒");
    public static readonly MessageKind AnnualReportOverdue = new("AnnualReportOverdue", "年报逾期");
    public static readonly MessageKind AnnualReportSubmitted = new("AnnualReportSubmitted", "年报待审核");
    public static readonly MessageKind AnnualReportReturned = new("AnnualReportReturned", "年报退回");
    public static readonly MessageKind AnnualReportForwarded = new("AnnualReportForwarded", "年报报部");
    public static readonly MessageKind AnnualReportAccepted = new("AnnualReportAccepted", "年报已接收");

    public static readonly IReadOnlyList<MessageKind> All =
    [
        ReturnedForRevision, Recommended, NotRecommended, ForwardedToStage, ExpertAssigned, ListPublished,
        ObjectionReceived, ObjectionConcluded, Certified, NotCertified, DeadlineReminder,
        RegistryRequestFiled, RegistryRequestForwarded, RegistryRequestReturned, RegistryRequestApproved,
        RegistryRevoked, RegistryReReviewPassed, RegistryExpired, ReReviewApplicationCreated,
        AnnualReportDue, AnnualReportOverdue, AnnualReportSubmitted, AnnualReportReturned, AnnualReportForwarded, AnnualReportAccepted,
    ];

    public static string LabelOf(string key) => All.FirstOrDefault(k => k.Key == key)?.Label ?? "通知";
}
