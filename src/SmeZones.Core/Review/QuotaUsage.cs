namespace SmeZones.Core.Review;

/// <summary>
/// How many recommendations a reviewing unit has made at a stage of a round, against its quota. The database holds
/// the limit (CHECK "Used" &lt;= "Limit"), and a recommendation takes a place with one conditional UPDATE, so two
/// reviewers at once can never both take the last place.
/// </summary>
public class QuotaUsage
{
    public int CampaignId { get; set; }
    public int StageOrder { get; set; }
    public int OrganisationId { get; set; }
    public int Limit { get; set; }
    public int Used { get; set; }
}
