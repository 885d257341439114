namespace SmeZones.Core.Organisations;

/// <summary>The roles a user can hold. Names are stable identifiers; the UI shows the Chinese title.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Reviewer = "Reviewer";
    public const string Ministry = "Ministry";
    public const string Expert = "Expert";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Applicant, Reviewer, Ministry, Expert, Admin];

    public static string Title(string role) => role switch
    {
        Applicant => "申报单位",
        Reviewer => "审核单位",
        Ministry => "部级",
        Expert => "评审专家",
        Admin => "系统管理员",
        _ => role,
    };
}
