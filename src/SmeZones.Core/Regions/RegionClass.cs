using System.ComponentModel.DataAnnotations;

namespace SmeZones.Core.Regions;

/// <summary>
/// The National Bureau of Statistics four-region split. It matters because zones in 中部, 西部 and 东北
/// get "appropriately relaxed" indicators.
/// </summary>
public enum RegionClass
{
    [Display(Name = "东部")]
    East = 1,

    [Display(Name = "中部")]
    Central = 2,

    [Display(Name = "西部")]
    West = 3,

    [Display(Name = "东北")]
    Northeast = 4,
}
