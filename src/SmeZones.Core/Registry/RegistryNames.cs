namespace SmeZones.Core.Registry;

public static class RegistryNames
{
    /// <summary>第十一条（一）–（六）, as the 管理办法 states them (seed 002).</summary>
    public static readonly IReadOnlyList<(int Number, string Text)> RevocationGrounds =
    [
        (1, "（一）存在虚假申报或存在数据造假的"),
        (2, "（二）不报送上一年度发展报告的"),
        (3, "（三）不接受、不配合监测监督工作的"),
        (4, "（四）发生名称、空间范围、运营管理机构等重大变化未及时变更报备的"),
        (5, "（五）发生较大及以上质量、环境污染等事故，重大及以上生产安全、网络安全和数据安全事件，以及严重失信行为"),
        (6, "（六）重大违法违规等行为"),
    ];

    public static string GroundText(int number) => RevocationGrounds.Single(g => g.Number == number).Text;

    public static string ToChinese(this RegistryStatus status) => status switch
    {
        RegistryStatus.Valid => "有效",
        RegistryStatus.ExpiredAwaitingReview => "期满待复核",
        RegistryStatus.ReviewPassed => "复核通过",
        RegistryStatus.Revoked => "已撤销",
        RegistryStatus.Cancelled => "已注销",
        _ => status.ToString(),
    };

    public static string ToChinese(this RegistryRequestKind kind) => kind switch
    {
        RegistryRequestKind.Name => "名称变更",
        RegistryRequestKind.SpatialArea => "空间范围变更",
        RegistryRequestKind.Operator => "运营管理机构变更",
        RegistryRequestKind.Cancellation => "申请注销",
        _ => kind.ToString(),
    };

    public static string ToChinese(this RegistryRequestStatus status) => status switch
    {
        RegistryRequestStatus.WithProvince => "待省级初审",
        RegistryRequestStatus.WithMinistry => "待部级审定",
        RegistryRequestStatus.Approved => "已审定通过",
        RegistryRequestStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    public static string Field(this RegistryRequestKind kind) => kind switch
    {
        RegistryRequestKind.Name => RegistryFields.Name,
        RegistryRequestKind.SpatialArea => RegistryFields.SpatialArea,
        RegistryRequestKind.Operator => RegistryFields.Operator,
        _ => RegistryFields.Status,
    };

    /// <summary>The longest text each field holds.</summary>
    public static int MaxLength(this RegistryRequestKind kind) => kind == RegistryRequestKind.SpatialArea ? RegistryLimits.SpatialArea : RegistryLimits.Name;
}

public static class RegistryLimits
{
    public const int CertificateNumber = 100;
    public const int Name = 200;
    public const int SpatialArea = 1000;
    public const int Reason = 2000;
    public const int Comment = 2000;
    public const int PageSize = 50;

    /// <summary>第十条: a change is filed within 30 working days of its happening.</summary>
    public const int ChangeWorkingDays = 30;
}
