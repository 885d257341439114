using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>A round of applications (申报批次): one programme, one year, one organiser, one chain of review stages.</summary>
public class Campaign
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Programme Programme { get; set; }
    public int Year { get; set; }
    public int OrganiserId { get; set; }
    public Organisation? Organiser { get; set; }
    public required string FormEditionKey { get; set; }
    public required string CriteriaEditionKey { get; set; }

    /// <summary>Who applies: prefecture-level authorities for zones, county-level for clusters.</summary>
    public OrganisationLevel ApplicantLevel { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>The deadline as the official notice states it, kept beside the portal's own closing time.</summary>
    public string? OfficialDeadline { get; set; }
    public string? OfficialNotice { get; set; }

    /// <summary>Counter behind application numbers; bumped atomically in the database.</summary>
    public int ApplicationCounter { get; set; }
    public List<ReviewStage> Stages { get; set; } = [];

    /// <summary>
    /// The round's relaxation for 中西部/东北 (zones) or 西部 (clusters): the standards say "适当放宽" without numbers,
    /// so the organiser sets which thresholds and to what (criteria threshold key → relaxed value).
    /// </summary>
    public Dictionary<string, decimal> Relaxations { get; set; } = [];

    /// <summary>Which region classes the relaxation applies to (RegionClass names, e.g. "West").</summary>
    public List<string> RelaxedRegionClasses { get; set; } = [];

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public ReviewStage? Stage(int order) => Stages.FirstOrDefault(s => s.Order == order);

    public ReviewStage? FirstStage => Stages.OrderBy(s => s.Order).FirstOrDefault();

    public ReviewStage? StageAfter(int order) => Stages.Where(s => s.Order > order).OrderBy(s => s.Order).FirstOrDefault();

    public ReviewStage? StageFor(OrganisationLevel level) => Stages.FirstOrDefault(s => s.Level == level);
}

/// <summary>The programmes the portal serves; a round and a form edition each belong to one.</summary>
public enum Programme
{
    /// <summary>中外中小企业合作区</summary>
    Zone = 1,
    /// <summary>中小企业特色产业集群</summary>
    Cluster = 2,
    /// <summary>中小企业特色产业集群复核</summary>
    ClusterReview = 3,
}

public static class ProgrammeNames
{
    public static string ToChinese(this Programme programme) => programme switch
    {
        Programme.Zone => "中外中小企业合作区",
        Programme.Cluster => "中小企业特色产业集群",
        Programme.ClusterReview => "中小企业特色产业集群复核",
        _ => programme.ToString(),
    };

    /// <summary>Prefix of application numbers, so a number says its programme at a glance.</summary>
    public static string NumberPrefix(this Programme programme) => programme switch
    {
        Programme.Zone => "HZQ",
        Programme.Cluster => "JQ",
        Programme.ClusterReview => "JQFH",
        _ => "APP",
    };
}
