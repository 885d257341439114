using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;

namespace SmeZones.Core.ExpertReview;

/// <summary>One application's place in the round's ranking after expert review (Rank 1 = best).</summary>
public sealed record RankedApplication(Guid ApplicationId, int Rank, decimal? Aggregate, bool? Passes, bool Flagged);

/// <summary>
/// PLACEHOLDER, replaced at merge by the experts branch's version (same signature): until expert score sheets exist,
/// the ranking is the order in which the provinces signed the applications off, with no aggregate.
/// </summary>
public static class ExpertRanking
{
    public static async Task<IReadOnlyList<RankedApplication>> ForCampaignAsync(PortalDbContext db, int campaignId, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Id == campaignId, ct);
        var last = campaign.Stages.Max(s => s.Order);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && a.ReachedStageOrder == last && a.Status != ApplicationStatus.Draft)
            .Select(a => new
            {
                a.Id,
                SignedOff = db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder < last && r.SignedOffAt != null)
                    .Max(r => r.SignedOffAt),
            })
            .Where(a => a.SignedOff != null)
            .ToListAsync(ct);
        return rows.OrderBy(r => r.SignedOff).ThenBy(r => r.Id)
            .Select((r, i) => new RankedApplication(r.Id, i + 1, null, null, false)).ToList();
    }
}
