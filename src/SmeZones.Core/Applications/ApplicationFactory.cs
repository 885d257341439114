using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Applications;

/// <summary>Opens a new draft application for an organisation in a campaign.</summary>
public static class ApplicationFactory
{
    public static async Task<Application> StartDraftAsync(
        PortalDbContext db, Campaign campaign, Organisation applicant, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!campaign.IsOpenAt(now))
        {
            throw new InvalidOperationException($"Campaign {campaign.Id} is not open.");
        }
        if (!campaign.CanApply(applicant))
        {
            throw new InvalidOperationException($"Organisation {applicant.Id} may not apply in campaign {campaign.Id}.");
        }

        var application = await AddDraftAsync(db, campaign, applicant, actor, now, ct);
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>
    /// A new draft with the next number, added to the caller's unit of work (not saved). Callers check who may apply;
    /// a re-review round uses it to create the drafts of the entries' holders when it is published.
    /// </summary>
    public static async Task<Application> AddDraftAsync(
        PortalDbContext db, Campaign campaign, Organisation applicant, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        // Numbers run per programme and year across its rounds. One upsert … RETURNING takes the next one safely when
        // two officers start at the same moment, in the same round or in two rounds of the year.
        var sequence = await db.Database
            .SqlQuery<int>($"""
                INSERT INTO "ApplicationNumberCounters" ("Programme", "Year", "Last") VALUES ({(int)campaign.Programme}, {campaign.Year}, 1)
                ON CONFLICT ("Programme", "Year") DO UPDATE SET "Last" = "ApplicationNumberCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """)
            .AsAsyncEnumerable().SingleAsync(ct);
        var jurisdiction = Jurisdiction.Of(applicant.RegionCode!);
        var application = new Application
        {
            Id = Guid.NewGuid(),
            Number = string.Create(CultureInfo.InvariantCulture, $"{campaign.Programme.NumberPrefix()}-{campaign.Year}-{sequence:0000}"),
            CampaignId = campaign.Id,
            OrganisationId = applicant.Id,
            RegionCode = jurisdiction.RegionCode,
            PrefectureCode = jurisdiction.PrefectureCode,
            ProvincialUnitCode = jurisdiction.ProvincialUnitCode,
            Status = ApplicationStatus.Draft,
            FormEditionKey = campaign.FormEditionKey,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Applications.Add(application);
        db.Record(actor, "ApplicationCreated", nameof(Application), application.Id.ToString(), $"新建申报 {application.Number}");
        return application;
    }
}
