using System.ComponentModel.DataAnnotations;

namespace SmeZones.Core.Regions;

public enum RegionLevel
{
    /// <summary>省、自治区、直辖市 and 兵团.</summary>
    [Display(Name = "省级")]
    Province = 1,

    /// <summary>地级市、地区、自治州、盟, and the one prefecture row of each 直辖市.</summary>
    [Display(Name = "地市级")]
    Prefecture = 2,

    /// <summary>市辖区、县级市、县、旗 and the statistical 功能区 (开发区) codes.</summary>
    [Display(Name = "县级")]
    County = 3,
}
