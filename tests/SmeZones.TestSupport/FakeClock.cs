namespace SmeZones.TestSupport;

/// <summary>A clock tests can set, for deadlines and timestamps; starts at the real time.</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Lock _gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <summary>Back to the real time, so one test's setting does not leak into the next.</summary>
    public void Reset() => Set(DateTimeOffset.UtcNow);
}
