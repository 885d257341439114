using Microsoft.Extensions.Configuration;
using SmeZones.Web.Scheduling;

namespace SmeZones.Web.Tests.Scheduling;

/// <summary>Job schedules set by configuration (ADR 0081): what is set is used, what is wrong stops the start.</summary>
public class JobSchedulesTests
{
    [Fact]
    public void A_cron_set_in_configuration_replaces_the_jobs_own_and_other_jobs_keep_theirs()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:Cron:Mail-Outbox"] = " 0/5 * * * * ? " })
            .Build();
        var schedules = JobSchedules.From(config);

        Assert.Equal("0/5 * * * * ?", schedules.For(MailOutboxJob.Name, MailOutboxJob.Cron));
        Assert.Equal(RegistryExpiryJob.Cron, schedules.For(RegistryExpiryJob.Name, RegistryExpiryJob.Cron));
        schedules.RejectUnknown();
    }

    [Fact]
    public void A_cron_that_is_not_a_quartz_expression_stops_the_start_and_names_the_setting()
    {
        var schedules = new JobSchedules([KeyValuePair.Create(MailOutboxJob.Name, "*/5 * * * *")]);

        var error = Assert.Throws<InvalidOperationException>(() => schedules.For(MailOutboxJob.Name, MailOutboxJob.Cron));
        Assert.Contains("Scheduling:Cron:mail-outbox", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_for_a_job_the_portal_does_not_have_stops_the_start()
    {
        var schedules = new JobSchedules([KeyValuePair.Create("mail_outbox", "0/5 * * * * ?")]);
        schedules.For(MailOutboxJob.Name, MailOutboxJob.Cron);

        var error = Assert.Throws<InvalidOperationException>(schedules.RejectUnknown);
        Assert.Contains("mail_outbox", error.Message, StringComparison.Ordinal);
    }
}
