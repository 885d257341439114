using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Web.Scheduling;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Messages;
using SmeZones.Web.Tests.Review;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmeZones.Web.Tests.Scheduling;

/// <summary>Deadline reminders, the e-mail outbox against a real SMTP server in the process, and the clustered scheduler.</summary>
[Collection(PortalCollection.Name)]
public class SchedulingTests(PortalHost host)
{
    [Fact]
    public async Task A_unit_that_has_not_signed_off_is_reminded_once_near_its_deadline_and_not_before()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await host.SubmittedAsync(chain);
        var now = host.Clock.GetUtcNow();
        await SetDeadlineAsync(chain.Round, now.AddDays(40));
        await using (var db = host.NewDbContext())
        {
            await DeadlineReminders.SendDueAsync(db, now);
        }
        Assert.Empty(await RemindersAsync(chain));

        await SetDeadlineAsync(chain.Round, now.AddHours(20));
        await using (var db = host.NewDbContext())
        {
            await DeadlineReminders.SendDueAsync(db, now);
        }
        await using (var db = host.NewDbContext())
        {
            await DeadlineReminders.SendDueAsync(db, now.AddHours(1));
        }

        var reminder = Assert.Single(await RemindersAsync(chain));
        Assert.Equal(MessageKinds.DeadlineReminder.Key, reminder.Kind);
        Assert.Contains("1 件申报未签发", reminder.Body, StringComparison.Ordinal);
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant));
    }

    [Fact]
    public async Task The_reminder_job_fires_once_with_two_scheduler_instances_on_one_database()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await host.SubmittedAsync(chain);
        await SetDeadlineAsync(chain.Round, host.Clock.GetUtcNow().AddHours(20));
        CountingJob.Reset();
        await using var a = BuildScheduler("node-a");
        await using var b = BuildScheduler("node-b");
        var first = await a.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var second = await b.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await first.Start();
        await second.Start();

        await first.TriggerJob(new JobKey(DeadlineReminderJob.Name));
        await second.TriggerJob(new JobKey(CountingJob.Name));
        for (var i = 0; i < 100 && (CountingJob.Runs == 0 || (await RemindersAsync(chain)).Count == 0); i++)
        {
            await Task.Delay(200);
        }
        await Task.Delay(2000); // time for a second firing, if the cluster let one through
        await first.Shutdown(waitForJobsToComplete: true);
        await second.Shutdown(waitForJobsToComplete: true);

        Assert.Equal(1, CountingJob.Runs);
        Assert.Single(await RemindersAsync(chain));
    }

    [Fact]
    public async Task A_message_is_mailed_once_after_commit_and_a_failing_server_is_retried_later()
    {
        var user = await host.TestData.CreateUserAsync(Roles.Applicant);
        var address = $"{user.UserName}@example.gov.cn";
        await host.SetEmailAsync(user, address);
        var now = host.Clock.GetUtcNow();
        await using (var db = host.NewDbContext())
        {
            await Notifications.SendAsync(db, MessageKinds.Certified, Recipients.User(user.Id), "已予以认定", "证书编号 X-1。", null, now);
            await db.SaveChangesAsync();
        }
        var port = FreePort();
        var settings = new MailSettings { Host = "127.0.0.1", Port = port, Security = "None", FromAddress = "noreply@example.gov.cn", TimeoutSeconds = 5 };

        // No server listening: the attempt fails, is recorded, and waits for its backoff.
        await using (var db = host.NewDbContext())
        {
            var failed = await MailOutbox.DrainAsync(db, settings, _ => null, now);
            Assert.True(failed.Failed >= 1);
        }
        var pending = await OutboxOfAsync(address);
        Assert.Equal((1, (DateTimeOffset?)null), (pending.Attempts, pending.SentAt));
        Assert.NotNull(pending.LastError);
        Assert.True(pending.NextAttemptAt > now);

        var store = new CollectingStore();
        using var stop = new CancellationTokenSource();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(store);
        var server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(), provider);
        var running = server.StartAsync(stop.Token);
        try
        {
            // Before the backoff ends nothing is sent; after it, once; a further drain sends nothing again.
            await using (var db = host.NewDbContext())
            {
                await MailOutbox.DrainAsync(db, settings, _ => null, now);
            }
            Assert.Empty(store.To(address));
            var later = now + MailOutbox.Backoff(1) + TimeSpan.FromSeconds(1);
            await using (var db = host.NewDbContext())
            {
                await MailOutbox.DrainAsync(db, settings, _ => "http://portal.example/Messages/Open/1", later);
            }
            await using (var db = host.NewDbContext())
            {
                await MailOutbox.DrainAsync(db, settings, _ => null, later.AddHours(1));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try { await running; } catch (OperationCanceledException) { }
        }

        var mail = Assert.Single(store.To(address));
        Assert.Contains("证书编号 X-1。", mail, StringComparison.Ordinal);
        var sent = await OutboxOfAsync(address);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
    }

    /// <summary>
    /// The province user's reminders about this test's round: units are the provincial authorities of the region, and
    /// other tests' 广东 authorities share this database.
    /// </summary>
    private async Task<List<Message>> RemindersAsync(RoundChain chain) =>
        (await host.MessagesOfAsync(chain.Province, MessageKinds.DeadlineReminder.Key)).Where(m => m.Title.StartsWith(chain.Round.Name, StringComparison.Ordinal)).ToList();

    private async Task<MailOutboxItem> OutboxOfAsync(string address)
    {
        await using var db = host.NewDbContext();
        return await db.MailOutbox.AsNoTracking().SingleAsync(m => m.ToAddress == address);
    }

    private async Task SetDeadlineAsync(Campaign round, DateTimeOffset deadline)
    {
        await using var db = host.NewDbContext();
        await db.ReviewStages.Where(s => s.CampaignId == round.Id && s.Level == OrganisationLevel.ProvincialUnit)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Deadline, deadline));
    }

    /// <summary>One portal instance's scheduler: the portal's own configuration, its own instance id, the test clock.</summary>
    private ServiceProvider BuildScheduler(string instanceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(host.Clock);
        services.AddDbContext<PortalDbContext>(o => o.UsePortalDatabase(host.ConnectionString));
        services.AddQuartz(q =>
        {
            PortalScheduling.Configure(q, host.ConnectionString, instanceId);
            q.AddJob<CountingJob>(j => j.WithIdentity(CountingJob.Name).StoreDurably().DisallowConcurrentExecution());
        });
        return services.BuildServiceProvider();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Counts its runs across every scheduler in the process.</summary>
    public sealed class CountingJob : IJob
    {
        public const string Name = "test-counting";
        private static int _runs;

        public static int Runs => Volatile.Read(ref _runs);

        public static void Reset() => Interlocked.Exchange(ref _runs, 0);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The in-process SMTP server's mailbox: every message received, as text, by recipient.</summary>
    private sealed class CollectingStore : MessageStore
    {
        private readonly List<(string To, string Text)> _received = [];

        public List<string> To(string address)
        {
            lock (_received)
            {
                return _received.Where(r => r.To == address).Select(r => r.Text).ToList();
            }
        }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var text = MimeKit.MimeMessage.Load(new MemoryStream(buffer.ToArray()), cancellationToken).TextBody ?? "";
            lock (_received)
            {
                foreach (var to in transaction.To)
                {
                    _received.Add(($"{to.User}@{to.Host}", text));
                }
            }
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
