using SmeZones.Core.Regions;

namespace SmeZones.Core.Organisations;

/// <summary>An SME authority (中小企业主管部门) at one administrative level.</summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationLevel Level { get; set; }

    /// <summary>The region the authority answers for; null only for the ministry.</summary>
    public string? RegionCode { get; set; }
    public Region? Region { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

public enum OrganisationLevel
{
    County = 1,
    Prefecture = 2,
    /// <summary>A province, 计划单列市 or 兵团: the level that recommends to the ministry.</summary>
    ProvincialUnit = 3,
    Ministry = 4,
}

public static class OrganisationLevelNames
{
    public static string ToChinese(this OrganisationLevel level) => level switch
    {
        OrganisationLevel.County => "县级",
        OrganisationLevel.Prefecture => "地市级",
        OrganisationLevel.ProvincialUnit => "省级",
        OrganisationLevel.Ministry => "部级",
        _ => level.ToString(),
    };
}
