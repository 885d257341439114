namespace SmeZones.Core.Regions;

/// <summary>The codes an application carries so that access checks are plain comparisons in SQL.</summary>
public sealed record Jurisdiction(string RegionCode, string PrefectureCode, string ProvincialUnitCode)
{
    /// <summary>
    /// For a county, its prefecture-level parent; for a district of a 计划单列市, that city. For a region directly under
    /// a province (e.g. 省直辖县), the region itself stands as its prefecture.
    /// </summary>
    public static Jurisdiction Of(string regionCode)
    {
        var catalogue = RegionCatalogue.Instance;
        var region = catalogue.Find(regionCode) ?? throw new ArgumentException($"Unknown region {regionCode}", nameof(regionCode));
        var provincialUnit = catalogue.ProvincialUnitOf(region.Code)
            ?? throw new ArgumentException($"Region {regionCode} has no provincial-level unit", nameof(regionCode));
        var prefecture = region.Level == RegionLevel.Prefecture
            ? region
            : catalogue.AncestorsOf(region.Code).FirstOrDefault(r => r.Level == RegionLevel.Prefecture) ?? region;
        return new Jurisdiction(region.Code, prefecture.Code, provincialUnit.Code);
    }
}
