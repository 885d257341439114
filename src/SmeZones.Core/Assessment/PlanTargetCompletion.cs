namespace SmeZones.Core.Assessment;

/// <summary>
/// How far a plan target was reached, computed exactly as the 复核 assessment computes it
/// (<see cref="PlanCompletion"/>), so an annual report and a re-review never disagree about the same figures.
/// </summary>
public static class PlanTargetCompletion
{
    /// <summary>
    /// The completion rate in % (2 decimals), or null when a cell is not a number or no rate is defined; and whether
    /// the target is met (null when it cannot be said: an added row's direction is unknown, or a cell is missing).
    /// </summary>
    public static (decimal? Rate, bool? Met) Of(string rowKey, string? baseline, string? target, string? achieved)
    {
        var (b, t, a) = (PlanCells.Number(baseline), PlanCells.Number(target), PlanCells.Number(achieved));
        if (t is not { } tv || a is not { } av)
        {
            return (null, null);
        }
        var down = PlanCompletion.IsDown(rowKey);
        var printed = !rowKey.Contains("Extra", StringComparison.Ordinal);
        return (CompletionRate.Of(b, tv, av, down)?.Percent, printed ? (down ? av <= tv : av >= tv) : null);
    }
}
