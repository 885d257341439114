using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>
/// A round seen from the ministry: the provincial units' stage that recommends and the ministry's stage that receives.
/// Only recommendations the provincial unit has signed off reach the ministry; everything national reads them here.
/// </summary>
public sealed record NationalRound(Campaign Campaign, ReviewStage ProvinceStage, ReviewStage MinistryStage)
{
    /// <summary>The round as the ministry reads it, or null when it has no provincial and ministry stages (e.g. 新疆's own 复核).</summary>
    public static NationalRound? Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.StageFor(OrganisationLevel.ProvincialUnit) is { } province
            && campaign.StageFor(OrganisationLevel.Ministry) is { } ministry && ministry.Order > province.Order
            ? new NationalRound(campaign, province, ministry) { ProvinceDeadline = province.Deadline }
            : null;
    }

    /// <summary>The national rounds, newest first, with their stages.</summary>
    public static async Task<IReadOnlyList<NationalRound>> AllAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Stages).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        return campaigns.Select(Of).OfType<NationalRound>().ToList();
    }

    /// <summary>One national round by id, or null (unknown, or not a round the ministry receives).</summary>
    public static async Task<NationalRound?> FindAsync(PortalDbContext db, int campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? null : Of(campaign);
    }

    /// <summary>The round's applications whose provincial unit recommended them and signed that off.</summary>
    public IQueryable<Application> Recommended(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (campaignId, order) = (Campaign.Id, ProvinceStage.Order);
        return db.Applications.AsNoTracking().Where(a => a.CampaignId == campaignId
            && db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == order
                && r.Decision == ReviewDecision.Recommend && r.SignedOffAt != null));
    }

    /// <summary>When the provincial units must have signed off (the provincial stage's deadline); null where the round sets none.</summary>
    public DateTimeOffset? ProvinceDeadline { get; init; }
}
