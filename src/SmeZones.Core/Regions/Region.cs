namespace SmeZones.Core.Regions;

/// <summary>
/// An administrative division (six-digit GB/T 2260 code), or 新疆生产建设兵团, as the portal uses it.
/// </summary>
/// <remarks>
/// A plain mutable class with a parameterless constructor so EF Core can map it. The instances that
/// <see cref="RegionCatalogue"/> hands out are shared by the whole process: treat them as read-only and
/// copy them before attaching them to a DbContext. The catalogue's tree and jurisdiction lookups are
/// precomputed, so a stray change to ParentCode or IsProvincialUnit cannot corrupt them.
/// </remarks>
public class Region
{
    /// <summary>Six-digit code, e.g. 440000 (广东省), 440600 (佛山市), 440605 (南海区).</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public RegionLevel Level { get; set; }

    /// <summary>Null for the 31 provinces and for 兵团.</summary>
    public string? ParentCode { get; set; }

    /// <summary>
    /// Set only on provincial units (provinces, 计划单列市, 兵团). Other regions take the class of their
    /// provincial unit: ask <see cref="RegionCatalogue.ClassOf"/> rather than reading this.
    /// </summary>
    public RegionClass? Class { get; set; }

    /// <summary>
    /// True for the 37 units that recommend to MIIT: 31 provinces, 5 计划单列市 and 兵团.
    /// </summary>
    public bool IsProvincialUnit { get; set; }

    public override string ToString() => $"{Code} {Name}";
}
