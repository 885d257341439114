using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>One reviewing unit's line on the overview: its applications, and its places where a stage has a quota.</summary>
public sealed record UnitLine(string UnitCode, string UnitName, int Drafts, int Submitted, int Total);

public sealed record QuotaLine(string StageName, string Organisation, int Used, int Limit);

/// <summary>A stage's units that still hold applications they have not signed off, with the stage's deadline.</summary>
public sealed record PendingSignOff(string StageName, DateTimeOffset? Deadline, IReadOnlyList<string> Units);

/// <summary>What the organiser sees of a round: applications by status and by unit, quota use, who has not signed off.</summary>
public sealed record RoundOverview(
    IReadOnlyDictionary<ApplicationStatus, int> ByStatus, IReadOnlyList<UnitLine> ByUnit, IReadOnlyList<QuotaLine> Quotas,
    IReadOnlyList<PendingSignOff> Pending)
{
    public static async Task<RoundOverview> LoadAsync(PortalDbContext db, Campaign campaign, CancellationToken ct = default)
    {
        var applications = db.Applications.AsNoTracking().Where(a => a.CampaignId == campaign.Id);
        var byStatus = await applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // Units are the first stage's reviewing units: provincial units in a national round, 地州 in a provincial one.
        var byPrefecture = campaign.FirstStage?.Level == OrganisationLevel.Prefecture;
        var rows = await applications.Select(a => new { Unit = byPrefecture ? a.PrefectureCode : a.ProvincialUnitCode, a.Status }).ToListAsync(ct);
        var byUnit = rows.GroupBy(r => r.Unit)
            .Select(g => new UnitLine(g.Key, RegionCatalogue.Instance.FullName(g.Key) ?? g.Key,
                g.Count(r => r.Status == ApplicationStatus.Draft), g.Count(r => r.Status != ApplicationStatus.Draft), g.Count()))
            .OrderBy(u => u.UnitCode, StringComparer.Ordinal).ToList();

        var stageNames = campaign.Stages.ToDictionary(s => s.Order, s => s.Name);
        var quotas = (await db.QuotaUsages.AsNoTracking().Where(q => q.CampaignId == campaign.Id)
                .Join(db.Organisations, q => q.OrganisationId, o => o.Id, (q, o) => new { q.StageOrder, o.Name, q.Used, q.Limit })
                .ToListAsync(ct))
            .OrderBy(q => q.StageOrder).ThenBy(q => q.Name, StringComparer.Ordinal)
            .Select(q => new QuotaLine(stageNames.GetValueOrDefault(q.StageOrder, ""), q.Name, q.Used, q.Limit)).ToList();

        var pending = new List<PendingSignOff>();
        foreach (var stage in campaign.Stages.OrderBy(s => s.Order))
        {
            var waiting = applications.Where(a => a.Status == ApplicationStatus.Submitted && a.CurrentStageOrder == stage.Order
                && !db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == stage.Order && r.SignedOffAt != null));
            var codes = stage.Level switch
            {
                OrganisationLevel.Prefecture => await waiting.Select(a => a.PrefectureCode).Distinct().ToListAsync(ct),
                OrganisationLevel.ProvincialUnit => await waiting.Select(a => a.ProvincialUnitCode).Distinct().ToListAsync(ct),
                _ => await waiting.AnyAsync(ct) ? [""] : [],
            };
            // In region-code order, as official lists run (北京 … 新疆, then 兵团).
            pending.Add(new PendingSignOff(stage.Name, stage.Deadline,
                codes.Order(StringComparer.Ordinal).Select(c => c == "" ? "部级" : RegionCatalogue.Instance.FullName(c) ?? c).ToList()));
        }
        return new RoundOverview(byStatus, byUnit, quotas, pending);
    }

    /// <summary>"还剩 12 天 5 小时", or that the round has closed.</summary>
    public static string TimeLeft(DateTimeOffset closes, DateTimeOffset now)
    {
        if (now >= closes)
        {
            return $"已于 {ChinaTime.Format(closes)} 截止";
        }
        var left = closes - now;
        return left.TotalDays >= 1 ? $"还剩 {(int)left.TotalDays} 天 {left.Hours} 小时" : $"还剩 {left.Hours} 小时 {left.Minutes} 分钟";
    }
}
