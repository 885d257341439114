using Quartz;
using SmeZones.Core.Data;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Scheduling;

/// <summary>
/// The daily registry job: ends entries whose approved 注销 or 撤销 takes effect today (<see cref="RegistryLifecycle.ApplyEndingsAsync"/>),
/// then moves entries past their validity to 期满待复核 and tells holder and organiser (<see cref="RegistryLifecycle.ApplyExpiryAsync"/>).
/// </summary>
public sealed partial class RegistryExpiryJob(PortalDbContext db, TimeProvider clock, ILogger<RegistryExpiryJob> log) : IJob
{
    public const string Name = "registry-expiry";

    /// <summary>Daily at 00:10 北京时间: an entry's last day of validity is over at midnight; hourly would only repeat the empty check.</summary>
    public const string Cron = "0 10 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ended = await RegistryLifecycle.ApplyEndingsAsync(db, clock.GetUtcNow(), cancellationToken);
        if (ended > 0)
        {
            Ended(log, ended);
        }
        var expired = await RegistryLifecycle.ApplyExpiryAsync(db, clock.GetUtcNow(), cancellationToken);
        if (expired > 0)
        {
            Expired(log, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry endings: {Entries} entries revoked or cancelled from today")]
    private static partial void Ended(ILogger logger, int entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry expiry: {Entries} entries now await re-review")]
    private static partial void Expired(ILogger logger, int entries);
}
