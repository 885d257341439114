using Quartz;

namespace SmeZones.Web.Scheduling;

/// <summary>
/// The cron of each portal job: the job's own, unless configuration sets another under <c>Scheduling:Cron:{job name}</c>
/// (e.g. an operator moving the nightly registry run, or a drill that needs the mail job every few seconds; ADR 0081).
/// A bad expression or an unknown job name stops the portal at start rather than leaving a job silently unscheduled.
/// </summary>
public sealed class JobSchedules
{
    public const string Section = "Scheduling:Cron";

    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="overrides">Cron by job name; names compare as configuration keys do, ignoring case.</param>
    public JobSchedules(IEnumerable<KeyValuePair<string, string>>? overrides = null) =>
        _overrides = new Dictionary<string, string>(overrides ?? [], StringComparer.OrdinalIgnoreCase);

    public static JobSchedules From(IConfiguration config) =>
        new(config.GetSection(Section).GetChildren().Select(c => KeyValuePair.Create(c.Key, c.Value ?? "")));

    /// <summary>The configured cron of <paramref name="job"/>, or <paramref name="fallback"/> (the job's own) when none is set.</summary>
    public string For(string job, string fallback)
    {
        _used.Add(job);
        if (!_overrides.TryGetValue(job, out var cron))
        {
            return fallback;
        }
        cron = cron.Trim();
        try
        {
            _ = new CronExpression(cron);
            return cron;
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"{Section}:{job} = \"{cron}\" is not a Quartz cron expression (seconds first, e.g. \"0/5 * * * * ?\"): {e.Message}", e);
        }
    }

    /// <summary>Called after every job asked for its cron: a configured name that no job has is a typo.</summary>
    public void RejectUnknown()
    {
        var unknown = _overrides.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Section} names no portal job: {string.Join(", ", unknown)} (jobs: {string.Join(", ", _used.Order(StringComparer.Ordinal))}).");
        }
    }
}
