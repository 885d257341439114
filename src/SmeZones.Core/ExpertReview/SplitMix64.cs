namespace SmeZones.Core.ExpertReview;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a published, fixed algorithm, so a recorded seed gives the same draw on
/// any machine and any .NET version, which System.Random does not promise.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound) by rejection, so no index is favoured.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);
        return (int)(value % (ulong)bound);
    }
}
