using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Tests.Infrastructure;

/// <summary>Builds rows with unique names, so tests sharing a database never collide.</summary>
internal static class TestData
{
    public static string Unique(string label) => $"{label}-{Guid.NewGuid():N}";

    public static Organisation Organisation(string label, OrganisationLevel level, string? regionCode) => new()
    {
        Name = Unique(label),
        Level = level,
        RegionCode = regionCode,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static Campaign Campaign(Organisation organiser, params (int Order, OrganisationLevel Level)[] stages) => new()
    {
        Name = Unique("campaign"),
        Programme = Programme.Cluster,
        Year = 2026,
        Organiser = organiser,
        FormEditionKey = "cluster-2026",
        CriteriaEditionKey = "cluster-2026",
        ApplicantLevel = OrganisationLevel.County,
        // Npgsql stores only UTC offsets in timestamptz; ChinaTime.At gives +08:00.
        OpensAt = ChinaTime.At(2026, 7, 1).ToUniversalTime(),
        ClosesAt = ChinaTime.At(2026, 8, 15, 17).ToUniversalTime(),
        Stages = [.. stages.Select(s => new ReviewStage { Order = s.Order, Level = s.Level, Name = s.Level.ToChinese() })],
    };

    /// <summary>An application of the organisation, with jurisdiction codes derived from its region as the app does.</summary>
    public static Application Application(
        Campaign campaign, Organisation applicant, ApplicationStatus status = ApplicationStatus.Draft, int reachedStage = 0)
    {
        var jurisdiction = Jurisdiction.Of(applicant.RegionCode!);
        var now = DateTimeOffset.UtcNow;
        return new Application
        {
            Id = Guid.NewGuid(),
            Number = Guid.NewGuid().ToString("N")[..20],
            Campaign = campaign,
            Organisation = applicant,
            RegionCode = jurisdiction.RegionCode,
            PrefectureCode = jurisdiction.PrefectureCode,
            ProvincialUnitCode = jurisdiction.ProvincialUnitCode,
            Title = applicant.Name,
            Status = status,
            CurrentStageOrder = status == ApplicationStatus.Submitted ? reachedStage : 0,
            ReachedStageOrder = reachedStage,
            FormEditionKey = campaign.FormEditionKey,
            Answers = new Dictionary<string, string> { ["name"] = applicant.Name },
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = status == ApplicationStatus.Draft ? null : now,
        };
    }

    /// <summary>Saves a region-backed applicant, a ministry-run campaign and one draft application; returns the application.</summary>
    public static async Task<Application> SaveApplicationAsync(PortalDbContext db, string regionCode = "440605")
    {
        var ministry = Organisation("ministry", OrganisationLevel.Ministry, null);
        var applicant = Organisation("applicant", OrganisationLevel.County, regionCode);
        var campaign = Campaign(ministry, (1, OrganisationLevel.ProvincialUnit), (2, OrganisationLevel.Ministry));
        var application = Application(campaign, applicant);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }
}
