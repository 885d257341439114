using Microsoft.Extensions.Options;
using Quartz;
using SmeZones.Core.Data;
using SmeZones.Core.Notifications;

namespace SmeZones.Web.Scheduling;

/// <summary>Sends the e-mail copies of messages (<see cref="MailOutbox"/>); without a configured server it clears the queue.</summary>
public sealed partial class MailOutboxJob(
    PortalDbContext db, IOptions<MailSettings> settings, TimeProvider clock, LinkGenerator links, IConfiguration config,
    ILogger<MailOutboxJob> log) : IJob
{
    public const string Name = "mail-outbox";
    public const string Cron = "0 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var baseUrl = config["Portal:BaseUrl"]?.TrimEnd('/');
        var result = await MailOutbox.DrainAsync(db, settings.Value,
            id => baseUrl is null ? null : baseUrl + links.GetPathByPage("/Messages/Open", values: new { id }),
            clock.GetUtcNow(), ct: cancellationToken);
        if (result.Sent + result.Failed + result.Abandoned > 0)
        {
            Drained(log, result.Sent, result.Failed, result.Abandoned);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail outbox: {Sent} sent, {Failed} failed, {Abandoned} abandoned")]
    private static partial void Drained(ILogger logger, int sent, int failed, int abandoned);
}
