using System.Globalization;

namespace SmeZones.Bench;

/// <summary>Latencies of one kind of request (ms) and how many failed.</summary>
internal sealed class Series
{
    public List<double> Milliseconds { get; } = [];
    public int Errors { get; set; }
    public string? FirstError { get; set; }

    public void Fail(string why)
    {
        Errors++;
        FirstError ??= why;
    }

    public static Series Merge(IEnumerable<Series> parts)
    {
        var all = new Series();
        foreach (var part in parts)
        {
            all.Milliseconds.AddRange(part.Milliseconds);
            all.Errors += part.Errors;
            all.FirstError ??= part.FirstError;
        }
        all.Milliseconds.Sort();
        return all;
    }

    /// <summary>Nearest-rank percentile of the sorted latencies.</summary>
    public double Percentile(double p)
    {
        if (Milliseconds.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * Milliseconds.Count);
        return Milliseconds[Math.Clamp(rank - 1, 0, Milliseconds.Count - 1)];
    }

    public static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
