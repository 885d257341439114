using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Exports;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Review;

/// <summary>
/// Which applications go into a reviewing unit's 推荐汇总表 for a round: at the first stage, those it decided to
/// recommend (marked 未签发 until signed off); at a later stage (e.g. the ministry), those recommended up to it. Each is
/// read as it was submitted.
/// </summary>
public static class SummarySources
{
    public static async Task<IReadOnlyList<SummarySource>> ForAsync(PortalDbContext db, Viewer viewer, Campaign campaign, CancellationToken ct = default)
    {
        var stage = campaign.StageFor(viewer.OrganisationLevel);
        if (stage is null || !campaign.Includes(viewer))
        {
            return [];
        }
        var visible = db.Applications.AsNoTracking().VisibleTo(viewer).Where(a => a.CampaignId == campaign.Id);
        var chosen = stage.Order == campaign.FirstStage!.Order
            ? visible.Where(a => db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == stage.Order
                && r.OrganisationId == viewer.OrganisationId && r.Decision == ReviewDecision.Recommend))
            : visible.Where(a => a.ReachedStageOrder >= stage.Order);
        var applications = await chosen.OrderBy(a => a.ProvincialUnitCode).ThenBy(a => a.Number).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var latest = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.ApplicationId))
            .GroupBy(s => s.ApplicationId).Select(g => g.OrderByDescending(s => s.Sequence).First()).ToListAsync(ct);
        var answers = latest.ToDictionary(s => s.ApplicationId, s => (IReadOnlyDictionary<string, string>)SubmissionSnapshot.Parse(s.CanonicalJson).Answers);
        // At the first stage a row is the unit's own recommendation, which counts once signed off; a later stage's rows
        // came up through a lower level's sign-off.
        var unsigned = stage.Order == campaign.FirstStage!.Order
            ? (await db.StageReviews.AsNoTracking().Where(r => ids.Contains(r.ApplicationId) && r.StageOrder == stage.Order && r.SignedOffAt == null)
                .Select(r => r.ApplicationId).ToListAsync(ct)).ToHashSet()
            : [];
        return applications.Select(a => new SummarySource(a, answers.GetValueOrDefault(a.Id) ?? a.Answers, unsigned.Contains(a.Id))).ToList();
    }
}
