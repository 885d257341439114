using Quartz;

namespace SmeZones.Web.Scheduling;

/// <summary>
/// One log line per job run, naming the firing (its scheduled time) and the instance that ran it, so that with several
/// portal instances an operator can see which one did the work and that no firing ran twice (ADR 0081).
/// </summary>
public sealed partial class JobFiringLog(ILogger<JobFiringLog> log) : IJobListener
{
    public string Name => "portal-firing-log";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The scheduled time identifies the firing (a manual trigger has none); two lines with one time would be a double run.
        Firing(log, context.JobDetail.Key, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} firing {ScheduledFireTime:O} runs on instance {Instance}")]
    private static partial void Firing(ILogger logger, JobKey job, DateTimeOffset? scheduledFireTime, string instance);
}
