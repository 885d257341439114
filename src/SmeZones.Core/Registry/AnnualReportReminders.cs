using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Registry;

/// <summary>
/// The daily job's work: for every report owed and not yet submitted, remind the holder when a threshold of the
/// programme's form (30 and 7 days before) is reached, and tell holder and province once it is overdue. Each
/// (entry, year, kind) is recorded in <see cref="AnnualReportNotice"/> under a unique index, so it is sent once
/// however often or on however many instances this runs. Only the nearest threshold reached is sent: a holder first
/// seen 5 days before the deadline gets the 7-day reminder, not both.
/// </summary>
public static class AnnualReportReminders
{
    public const string Overdue = "overdue";

    public static string DueKind(int daysBefore) => $"due{daysBefore}";

    /// <summary>Sends what is due now; returns how many messages were sent (0 when another run sent them).</summary>
    public static async Task<int> SendDueAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = Dates.Today(now);
        // Reports for last year are in their reminder window or overdue; older ones can only be overdue.
        var owed = await AnnualReportDue.ForAsync(db, db.RegistryEntries, today.Year - 1, ct);
        var sent = await db.AnnualReportNotices.AsNoTracking().Select(n => new { n.EntryId, n.Year, n.Kind }).ToListAsync(ct);
        var done = sent.Select(n => (n.EntryId, n.Year, n.Kind)).ToHashSet();
        var count = 0;
        foreach (var due in owed.Where(d => !d.Submitted))
        {
            var form = FormEditionCatalogue.Default.AnnualReportFor(due.Entry.Programme)!;
            var kinds = new List<string>();
            if (due.IsOverdue(today))
            {
                kinds.Add(Overdue);
            }
            else
            {
                var reached = form.AnnualReport!.RemindDaysBefore.Where(d => today >= due.Deadline.AddDays(-d)).Order().ToList();
                kinds.AddRange(reached.Select(DueKind));
            }
            var fresh = kinds.Where(k => !done.Contains((due.Entry.Id, due.Year, k))).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }
            foreach (var kind in fresh)
            {
                db.AnnualReportNotices.Add(new AnnualReportNotice { EntryId = due.Entry.Id, Year = due.Year, Kind = kind, SentAt = now });
            }
            // The nearest threshold speaks; the others reached at the same time are recorded as passed.
            if (fresh.Contains(Overdue))
            {
                await Notifications.Notifications.AnnualReportOverdueAsync(db, due.Entry, due.Year, due.Deadline, now, ct);
            }
            else if (kinds[0] == fresh[0])
            {
                var days = form.AnnualReport!.RemindDaysBefore.Where(d => today >= due.Deadline.AddDays(-d)).Min();
                await Notifications.Notifications.AnnualReportDueAsync(db, due.Entry, due.Year, due.Deadline, days, now, ct);
            }
            else
            {
                continue;
            }
            db.Record(Actor.System, "AnnualReportReminderSent", nameof(RegistryEntry), due.Entry.Id.ToString(),
                $"{due.Entry.Name}：{due.Year} 年度发展报告{(fresh.Contains(Overdue) ? "逾期通知" : "到期提醒")}", new { due.Year, kinds = fresh });
            count++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run recorded one of these first: it sent them; this run sends none.
            db.ChangeTracker.Clear();
            return 0;
        }
        return count;
    }
}
