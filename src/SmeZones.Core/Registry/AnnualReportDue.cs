using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Registry;

/// <summary>An entry's report of a year that is due: its deadline, and the report if one was started.</summary>
public sealed record DueReport(RegistryEntry Entry, int Year, DateOnly Deadline, AnnualReport? Report)
{
    public bool Submitted => Report?.FirstSubmittedAt is not null;

    /// <summary>Not submitted and the deadline (北京时间 23:59:59 of its day) has passed: 第十一条（二）.</summary>
    public bool IsOverdue(DateOnly today) => !Submitted && today > Deadline;
}

/// <summary>
/// When reports are due (管理办法 第八条, the programme's annual report form says the day): for every active entry,
/// for each year from the one it was certified in, by the day in the next year, 北京时间 inclusive. A report is
/// expected in the portal only where its deadline falls after the entry entered the portal (an imported entry's
/// earlier reports went on paper).
/// </summary>
public static class AnnualReportDue
{
    /// <summary>The last day (北京时间) the report for <paramref name="year"/> is on time; null when the programme has no annual report form.</summary>
    public static DateOnly? Deadline(Campaigns.Programme programme, int year) =>
        FormEditionCatalogue.Default.AnnualReportFor(programme) is { } form ? Deadline(form, year) : null;

    public static DateOnly Deadline(FormDefinition form, int year)
    {
        var due = form.AnnualReport ?? throw new ArgumentException($"Form '{form.Key}' is not an annual report form.", nameof(form));
        return new DateOnly(year + 1, due.DueMonth, due.DueDay);
    }

    /// <summary>Submitted after the deadline's day ended in Beijing: 23:59:59 is on time, 00:00:00 the next day late.</summary>
    public static bool IsLate(DateOnly deadline, DateTimeOffset submittedAt) => Dates.Today(submittedAt) > deadline;

    /// <summary>The years an entry owes a report for whose deadline is on or before <paramref name="lastDeadline"/>, oldest first.</summary>
    public static IEnumerable<(int Year, DateOnly Deadline)> YearsOwed(RegistryEntry entry, DateOnly lastDeadline)
    {
        if (!entry.IsActive || FormEditionCatalogue.Default.AnnualReportFor(entry.Programme) is not { } form)
        {
            yield break;
        }
        var entered = Dates.Today(entry.CreatedAt);
        for (var year = entry.CertifiedOn.Year; ; year++)
        {
            var deadline = Deadline(form, year);
            if (deadline > lastDeadline)
            {
                yield break;
            }
            if (deadline > entered)
            {
                yield return (year, deadline);
            }
        }
    }

    /// <summary>
    /// The reports the viewer's entries owe up to the report year <paramref name="throughYear"/> (its deadline may
    /// still be ahead), with the report where one was started. Entries are the viewer's by <see cref="RegistryAccess"/>.
    /// </summary>
    public static async Task<IReadOnlyList<DueReport>> ForAsync(PortalDbContext db, IQueryable<RegistryEntry> entries, int throughYear, CancellationToken ct = default)
    {
        var active = await entries.AsNoTracking().Where(e => e.Status == RegistryStatus.Valid || e.Status == RegistryStatus.ReviewPassed
            || e.Status == RegistryStatus.ExpiredAwaitingReview).OrderBy(e => e.ProvincialUnitCode).ThenBy(e => e.CertificateNumber).ToListAsync(ct);
        var ids = active.Select(e => e.Id).ToList();
        var reports = await db.AnnualReports.AsNoTracking().Where(r => ids.Contains(r.EntryId))
            .Select(r => new AnnualReport
            {
                Id = r.Id, EntryId = r.EntryId, Year = r.Year, FormEditionKey = r.FormEditionKey, Status = r.Status,
                FirstSubmittedAt = r.FirstSubmittedAt, SubmittedLate = r.SubmittedLate, SubmittedAt = r.SubmittedAt, Version = r.Version,
            }).ToListAsync(ct);
        var byKey = reports.ToDictionary(r => (r.EntryId, r.Year));
        return [.. active.SelectMany(e => YearsOwed(e, new DateOnly(throughYear + 1, 12, 31)).Where(y => y.Year <= throughYear)
            .Select(y => new DueReport(e, y.Year, y.Deadline, byKey.GetValueOrDefault((e.Id, y.Year)))))];
    }

    /// <summary>The overdue reports the viewer may see (ministry all, a province its own, a holder its own).</summary>
    public static async Task<IReadOnlyList<DueReport>> OverdueAsync(PortalDbContext db, Viewer viewer, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        var due = await ForAsync(db, db.RegistryEntries.VisibleTo(viewer), today.Year - 1, ct);
        return [.. due.Where(d => d.IsOverdue(today))];
    }

    /// <summary>The years an entry's report is overdue (shown on the entry as 第十一条（二）).</summary>
    public static async Task<IReadOnlyList<DueReport>> OverdueForEntryAsync(PortalDbContext db, Guid entryId, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        var due = await ForAsync(db, db.RegistryEntries.Where(e => e.Id == entryId), today.Year - 1, ct);
        return [.. due.Where(d => d.IsOverdue(today))];
    }
}
