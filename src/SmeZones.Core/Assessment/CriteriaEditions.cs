namespace SmeZones.Core.Assessment;

/// <summary>The criteria editions the portal knows; each form edition names the one it is assessed by.</summary>
public static class CriteriaEditions
{
    private static readonly IReadOnlyList<CriteriaEdition> Editions =
    [
        new Zone2024Criteria(),
        new Cluster2022Criteria(),
        new ClusterReviewXjCriteria(),
    ];

    /// <summary>All editions, in key order.</summary>
    public static IReadOnlyList<CriteriaEdition> All => Editions.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();

    /// <summary>The edition with this key; throws <see cref="KeyNotFoundException"/> naming the known keys.</summary>
    public static CriteriaEdition Get(string key) =>
        Editions.FirstOrDefault(e => e.Key == key)
            ?? throw new KeyNotFoundException($"No criteria edition '{key}'. Known editions: {string.Join(", ", All.Select(e => e.Key))}.");

    /// <summary>The edition a catalogue form edition declares (e.g. zone-2026 → zone-2024); none for an unknown form.</summary>
    public static IReadOnlyList<CriteriaEdition> ForForm(string formEditionKey) =>
        Forms.FormEditionCatalogue.Default.TryGet(formEditionKey, out var form) ? All.Where(e => e.Reads(form!)).ToList() : [];
}
