using Quartz;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Scheduling;

/// <summary>Reminds holders of annual reports falling due and tells holder and province of overdue ones (<see cref="AnnualReportReminders.SendDueAsync"/>).</summary>
public sealed partial class AnnualReportReminderJob(PortalDbContext db, TimeProvider clock, ILogger<AnnualReportReminderJob> log) : IJob
{
    public const string Name = "annual-report-reminders";

    /// <summary>Daily at 00:20 北京时间: thresholds and deadlines are whole Beijing days.</summary>
    public const string Cron = "0 20 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await AnnualReportReminders.SendDueAsync(db, clock.GetUtcNow(), cancellationToken);
        if (sent > 0)
        {
            Sent(log, sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual reports: {Entries} reminders or overdue notices sent")]
    private static partial void Sent(ILogger logger, int entries);
}
