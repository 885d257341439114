using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Registry.Annual;

/// <summary>What the step the viewer may take on a report now is.</summary>
public enum ReportStep
{
    None,
    HolderEdits,
    ProvinceReviews,
    MinistryDecides,
}

/// <summary>
/// One entry's report of one year as the report pages read it: found only through <see cref="RegistryAccess"/> (else
/// 404), with what is shown (the live draft while the holder may edit it, otherwise the latest submitted snapshot, so
/// the province and the ministry read exactly what was submitted) and the step the viewer may take.
/// </summary>
public sealed record AnnualReportView(RegistryEntry Entry, int Year, DateOnly Deadline, AnnualReport? Report, FormDefinition Form,
    IReadOnlyDictionary<string, string> Answers, string? Fingerprint, DateTimeOffset? SubmittedAt, ReportStep Step, bool IsHolder)
{
    public int RoundYear => Year + 1;

    public static int RouteYear(PageModel page) =>
        int.Parse((string)page.RouteData.Values["year"]!, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<AnnualReportView?> LoadAsync(PageModel page, PortalDbContext db, Guid entryId, CancellationToken ct = default)
    {
        var viewer = page.User.ToViewer();
        var year = RouteYear(page);
        var entry = await db.RegistryEntries.AsNoTracking().VisibleTo(viewer).SingleOrDefaultAsync(e => e.Id == entryId, ct);
        var report = entry is null ? null : await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.EntryId == entryId && r.Year == year, ct);
        var owed = entry is not null && AnnualReportDue.YearsOwed(entry, new DateOnly(year + 1, 12, 31)).Any(y => y.Year == year);
        if (entry is null || (report is null && !owed))
        {
            return null;
        }
        var isHolder = viewer.IsIn(Roles.Applicant) && entry.OrganisationId == viewer.OrganisationId;
        var step = report?.Status switch
        {
            AnnualReportStatus.Draft or AnnualReportStatus.Returned when isHolder => ReportStep.HolderEdits,
            AnnualReportStatus.WithProvince when viewer.IsProvince() => ReportStep.ProvinceReviews,
            AnnualReportStatus.WithMinistry when viewer.IsIn(Roles.Ministry) => ReportStep.MinistryDecides,
            _ => ReportStep.None,
        };
        if (report is not null && !report.IsEditableByHolder && await AnnualReports.LatestSnapshotAsync(db, report.Id, ct) is var (snapshot, sha))
        {
            return new AnnualReportView(entry, year, AnnualReportDue.Deadline(snapshot.Definition, year), report, snapshot.Definition, snapshot.Answers,
                sha[..16], snapshot.SubmittedAt, step, isHolder);
        }
        // The holder's draft (or a report not yet started) is read with the catalogue's form; nobody else sees a draft's answers.
        var form = report is not null ? FormEditionCatalogue.Default.Get(report.FormEditionKey) : FormEditionCatalogue.Default.AnnualReportFor(entry.Programme)!;
        var answers = isHolder && report is not null ? report.Answers : new Dictionary<string, string>();
        return new AnnualReportView(entry, year, AnnualReportDue.Deadline(form, year), report, form, answers, null, null, step, isHolder);
    }
}
