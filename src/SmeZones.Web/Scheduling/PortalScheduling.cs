using Quartz;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;

namespace SmeZones.Web.Scheduling;

/// <summary>
/// Jobs that run on time rather than on a request: Quartz.NET on its PostgreSQL job store in clustered mode, so that
/// with several portal instances each firing runs on exactly one of them (ADR 0044). Adding a job is one class
/// implementing <see cref="IJob"/> and one <see cref="AddPortalJob{TJob}"/> line in <see cref="Configure"/>, its cron
/// passed through <see cref="JobSchedules.For"/> so configuration can move it (ADR 0081).
/// </summary>
public static class PortalScheduling
{
    public const string SchedulerName = "SmeZones";

    public static void AddPortalScheduling(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.Configure<MailSettings>(config.GetSection("Mail"));
        // The web tests host the portal without the scheduler and run the jobs' Core functions directly; the
        // clustering test builds schedulers of its own with Configure below (ADR 0044).
        if (!config.GetValue("Scheduling:Enabled", true))
        {
            return;
        }
        var connection = config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var schedules = JobSchedules.From(config);
        builder.Services.AddQuartz(q => Configure(q, connection, instanceId: null, schedules));
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>
    /// The scheduler every portal instance runs: same name and store, its own instance id; each job's cron is its own
    /// unless <paramref name="schedules"/> (configuration <c>Scheduling:Cron</c>) sets another.
    /// </summary>
    public static void Configure(IQuartzBuilder q, string connection, string? instanceId, JobSchedules? schedules = null)
    {
        schedules ??= new JobSchedules();
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerName;
            if (instanceId is null)
            {
                o.GenerateInstanceId = true;
            }
            else
            {
                o.InstanceId = instanceId;
            }
        });
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(connection);
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(15);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
            });
            // The tables come from the migrations (QuartzSchema); the scheduler only checks they are there.
            store.ConfigureStore(o =>
            {
                o.TablePrefix = QuartzSchema.TablePrefix;
                o.SchemaProvisioning = SchemaProvisioning.Validate;
            });
        });
        q.AddJobListener<JobFiringLog>();
        q.AddPortalJob<MailOutboxJob>(MailOutboxJob.Name, schedules.For(MailOutboxJob.Name, MailOutboxJob.Cron));
        q.AddPortalJob<DeadlineReminderJob>(DeadlineReminderJob.Name, schedules.For(DeadlineReminderJob.Name, DeadlineReminderJob.Cron));
        q.AddPortalJob<RegistryExpiryJob>(RegistryExpiryJob.Name, schedules.For(RegistryExpiryJob.Name, RegistryExpiryJob.Cron));
        q.AddPortalJob<AnnualReportReminderJob>(AnnualReportReminderJob.Name, schedules.For(AnnualReportReminderJob.Name, AnnualReportReminderJob.Cron));
        schedules.RejectUnknown();
    }

    /// <summary>A job with its one cron trigger (北京时间), never run twice at once anywhere in the cluster.</summary>
    public static void AddPortalJob<TJob>(this IQuartzBuilder q, string name, string cron) where TJob : class, IJob =>
        q.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name).WithCronSchedule(cron, c => c.InTimeZone(ChinaTime.Zone)),
            job => job.WithIdentity(name).DisallowConcurrentExecution());
}
