namespace SmeZones.Core.Regions;

/// <summary>The kinds of reviewing unit a round's notice sets quotas for.</summary>
public enum ReviewingUnitKind
{
    /// <summary>省、自治区、直辖市.</summary>
    Province,

    /// <summary>计划单列市: 大连 青岛 宁波 厦门 深圳.</summary>
    SeparatelyPlannedCity,

    /// <summary>新疆生产建设兵团.</summary>
    Bingtuan,

    /// <summary>A prefecture-level unit (地州), reviewing in a provincial round.</summary>
    Prefecture,

    /// <summary>The ministry, or a region the catalogue does not know.</summary>
    Other,
}

public static class ReviewingUnits
{
    public static ReviewingUnitKind KindOf(string? regionCode) => RegionCatalogue.Instance.Find(regionCode) switch
    {
        null => ReviewingUnitKind.Other,
        { Code: RegionCatalogue.BingtuanCode } => ReviewingUnitKind.Bingtuan,
        { IsProvincialUnit: true, Level: RegionLevel.Prefecture } => ReviewingUnitKind.SeparatelyPlannedCity,
        { IsProvincialUnit: true } => ReviewingUnitKind.Province,
        { Level: RegionLevel.Prefecture } => ReviewingUnitKind.Prefecture,
        _ => ReviewingUnitKind.Other,
    };
}
