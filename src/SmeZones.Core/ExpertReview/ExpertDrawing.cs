namespace SmeZones.Core.ExpertReview;

/// <summary>The draw itself, apart from the database: a seeded Fisher–Yates shuffle of the candidates.</summary>
public static class ExpertDrawing
{
    /// <summary>The first <paramref name="count"/> of the candidates shuffled with SplitMix64(seed); same input, same output.</summary>
    public static IReadOnlyList<Guid> Pick(IReadOnlyList<Guid> candidates, long seed, int count)
    {
        var order = candidates.ToArray();
        var random = new SplitMix64(unchecked((ulong)seed));
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(Math.Min(count, order.Length)).ToList();
    }

    /// <summary>Runs a recorded draw again: true when its seed and candidates give exactly the experts it recorded.</summary>
    public static bool Reproduces(ExpertDraw draw) =>
        Pick(draw.Candidates, draw.Seed, draw.Members + draw.Reserves).SequenceEqual(draw.Drawn);
}
