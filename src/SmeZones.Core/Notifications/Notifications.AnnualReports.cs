using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;

namespace SmeZones.Core.Notifications;

/// <summary>The 年度发展报告's hand-overs and reminders (管理办法 第八条): holder ↔ province ↔ ministry.</summary>
public static partial class Notifications
{
    /// <summary>Due in some days: the holder is reminded, once per threshold.</summary>
    public static Task AnnualReportDueAsync(PortalDbContext db, RegistryEntry entry, int year, DateOnly deadline, int daysBefore, DateTimeOffset now, CancellationToken ct = default) =>
        ToHolderAsync(db, entry, MessageKinds.AnnualReportDue, $"{entry.Name}：{year} 年度发展报告 {daysBefore} 天内到期",
            $"“{entry.Name}”（{entry.CertificateNumber}）的 {year} 年度发展报告应于 {Dates.Format(deadline)}（北京时间）前提交。", ReportPage(entry.Id, year), now, ct);

    /// <summary>Overdue: the holder and the province learn it; a missing report is a ground of 第十一条（二）.</summary>
    public static async Task AnnualReportOverdueAsync(PortalDbContext db, RegistryEntry entry, int year, DateOnly deadline, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name}：{year} 年度发展报告逾期未报送";
        var body = $"“{entry.Name}”（{entry.CertificateNumber}）的 {year} 年度发展报告应于 {Dates.Format(deadline)} 前报送，至今未提交。不报送上一年度发展报告属第十一条（二）所列撤销情形。";
        await ToHolderAsync(db, entry, MessageKinds.AnnualReportOverdue, title, body, ReportPage(entry.Id, year), now, ct);
        await SendAsync(db, MessageKinds.AnnualReportOverdue, Province(entry), title, body, ReportPage(entry.Id, year), now, ct);
    }

    public static Task AnnualReportSubmittedAsync(PortalDbContext db, RegistryEntry entry, AnnualReport report, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.AnnualReportSubmitted, Province(entry), $"{entry.Name}：{report.Year} 年度发展报告待审核",
            $"“{entry.Name}”（{entry.CertificateNumber}）已提交 {report.Year} 年度发展报告{(report.SubmittedLate ? "（逾期提交）" : "")}，请审核。", ReportPage(entry.Id, report.Year), now, ct);

    public static Task AnnualReportForwardedAsync(PortalDbContext db, RegistryEntry entry, AnnualReport report, DateTimeOffset now, CancellationToken ct = default) =>
        SendAsync(db, MessageKinds.AnnualReportForwarded, Recipients.Authorities(OrganisationLevel.Ministry, null, Roles.Ministry),
            $"{entry.Name}：{report.Year} 年度发展报告已报部", $"省级已审核“{entry.Name}”（{entry.CertificateNumber}）的 {report.Year} 年度发展报告并报部，请审核接收。",
            ReportPage(entry.Id, report.Year), now, ct);

    /// <summary>Returned: the holder revises; when the ministry returns it, the province learns it too.</summary>
    public static async Task AnnualReportReturnedAsync(PortalDbContext db, RegistryEntry entry, AnnualReport report, bool byMinistry, DateTimeOffset now, CancellationToken ct = default)
    {
        var (by, comment) = byMinistry ? ("部级", report.MinistryComment) : ("省级", report.ProvinceComment);
        var title = $"{entry.Name}：{report.Year} 年度发展报告被{by}退回";
        var body = $"“{entry.Name}”的 {report.Year} 年度发展报告被{by}退回修改。意见：{comment}";
        await ToHolderAsync(db, entry, MessageKinds.AnnualReportReturned, title, body, ReportPage(entry.Id, report.Year), now, ct);
        if (byMinistry)
        {
            await SendAsync(db, MessageKinds.AnnualReportReturned, Province(entry), title, body, ReportPage(entry.Id, report.Year), now, ct);
        }
    }

    public static async Task AnnualReportAcceptedAsync(PortalDbContext db, RegistryEntry entry, AnnualReport report, DateTimeOffset now, CancellationToken ct = default)
    {
        var title = $"{entry.Name}：{report.Year} 年度发展报告已接收";
        var body = $"工业和信息化部已接收“{entry.Name}”（{entry.CertificateNumber}）的 {report.Year} 年度发展报告。";
        await ToHolderAsync(db, entry, MessageKinds.AnnualReportAccepted, title, body, ReportPage(entry.Id, report.Year), now, ct);
        await SendAsync(db, MessageKinds.AnnualReportAccepted, Province(entry), title, body, ReportPage(entry.Id, report.Year), now, ct);
    }

    private static (string, Dictionary<string, string>) ReportPage(Guid entryId, int year) =>
        ("/Registry/Annual/Report", new() { ["id"] = entryId.ToString(), ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
