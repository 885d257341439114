using Quartz;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;

namespace SmeZones.Web.Scheduling;

/// <summary>Reminds provincial units of a stage deadline three working days ahead (<see cref="DeadlineReminders"/>).</summary>
public sealed partial class DeadlineReminderJob(PortalDbContext db, TimeProvider clock, ILogger<DeadlineReminderJob> log) : IJob
{
    public const string Name = "deadline-reminders";

    /// <summary>Hourly: a deadline extended or a calendar changed is picked up within the hour.</summary>
    public const string Cron = "0 5 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var reminded = await DeadlineReminders.SendDueAsync(db, clock.GetUtcNow(), cancellationToken);
        if (reminded > 0)
        {
            Reminded(log, reminded);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminders sent to {Units} units")]
    private static partial void Reminded(ILogger logger, int units);
}
