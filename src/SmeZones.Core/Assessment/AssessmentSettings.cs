using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Settings of a round that the standards leave to the authority: the standards say indicators for
/// 中西部、东北 (zones) or 西部 (clusters) are "适当放宽" without numbers, and zones compare their growth
/// with the province's 3-year average, which the reviewing authority enters. Recorded with each assessment.
/// </summary>
public sealed record AssessmentSettings
{
    /// <summary>Zones: 中部, 西部 and 东北 may be relaxed (认定标准（2024年版）: "中西部、东北地区申报认定合作区，上述指标将予以适当放宽").</summary>
    public static IReadOnlySet<RegionClass> ZoneRelaxableClasses { get; } = new HashSet<RegionClass> { RegionClass.Central, RegionClass.West, RegionClass.Northeast };

    /// <summary>Clusters: 西部 may be relaxed ("可适当放宽").</summary>
    public static IReadOnlySet<RegionClass> ClusterRelaxableClasses { get; } = new HashSet<RegionClass> { RegionClass.West };

    /// <summary>No relaxation, no province reference figures.</summary>
    public static AssessmentSettings None { get; } = new();

    /// <summary>The applicant's region class (from <see cref="RegionCatalogue.ClassOf"/>); null when unknown (never relaxed).</summary>
    public RegionClass? ApplicantRegionClass { get; init; }

    /// <summary>Threshold key (see <see cref="CriteriaEdition.ThresholdKeys"/>) → the relaxed threshold, in the threshold's unit.</summary>
    public IReadOnlyDictionary<string, decimal> Relaxations { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>The region classes the round relaxes for; relaxations apply only when the applicant's class is in it.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(RegionClassSetJsonConverter))]
    public IReadOnlySet<RegionClass> RelaxedClasses { get; init; } = new HashSet<RegionClass>();

    /// <summary>本省（区、市）外商直接投资额近三年平均增速 (%), entered by the reviewing authority.</summary>
    public decimal? ProvinceFdiGrowthAverage { get; init; }

    /// <summary>本省（区、市）出口贸易额近三年平均增速 (%), entered by the reviewing authority.</summary>
    public decimal? ProvinceExportGrowthAverage { get; init; }

    /// <summary>The relaxed value for a threshold when the applicant's class is relaxed and the round sets one.</summary>
    public decimal? RelaxedThreshold(string thresholdKey) =>
        ApplicantRegionClass is { } regionClass && RelaxedClasses.Contains(regionClass) && Relaxations.TryGetValue(thresholdKey, out var relaxed)
            ? relaxed
            : null;
}
