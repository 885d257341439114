namespace SmeZones.Core.Campaigns;

/// <summary>
/// A provincial unit's reference figures for a round, entered by its reviewing authority: the zone standard compares
/// a zone's FDI or export growth with 本省（区、市）近三年平均水平.
/// </summary>
public class ProvinceReferenceFigures
{
    public int CampaignId { get; set; }
    public required string RegionCode { get; set; }
    public decimal? FdiGrowthAverage { get; set; }
    public decimal? ExportGrowthAverage { get; set; }
    public string? Source { get; set; }
    public Guid EnteredById { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}
