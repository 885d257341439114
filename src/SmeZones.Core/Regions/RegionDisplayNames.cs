namespace SmeZones.Core.Regions;

/// <summary>
/// Chinese names for the region enums, without reflection. The same names are on the enum members as
/// [Display] attributes for ASP.NET's GetEnumSelectList; a test keeps the two in step.
/// </summary>
public static class RegionDisplayNames
{
    public static string ToDisplayName(this RegionClass regionClass) => regionClass switch
    {
        RegionClass.East => "东部",
        RegionClass.Central => "中部",
        RegionClass.West => "西部",
        RegionClass.Northeast => "东北",
        _ => throw new ArgumentOutOfRangeException(nameof(regionClass), regionClass, null),
    };

    public static string ToDisplayName(this RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.Prefecture => "地市级",
        RegionLevel.County => "县级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
