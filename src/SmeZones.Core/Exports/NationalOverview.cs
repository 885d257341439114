using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>Where a provincial unit stands in a round, seen by the ministry.</summary>
public enum UnitProgress
{
    /// <summary>Nothing of the unit's jurisdiction reached its stage.</summary>
    NothingReceived,

    /// <summary>Applications wait at the unit, or recommendations are decided but not signed off.</summary>
    InProgress,

    /// <summary>Everything the unit recommended is signed off and nothing waits there.</summary>
    SignedOff,
}

/// <summary>One provincial unit (省、自治区、直辖市, 计划单列市 or 兵团) in a round.</summary>
/// <param name="Waiting">Applications at the unit's stage that it has not decided yet.</param>
/// <param name="Recommended">Decided 推荐 at the unit's stage, signed off or not.</param>
/// <param name="SignedOff">Recommendations signed off: what reached the ministry.</param>
/// <param name="QuotaUsed">Places the unit holds (the database ledger), or its recommendations where the stage sets no quota.</param>
/// <param name="QuotaLimit">The unit's quota; null where the stage sets none.</param>
/// <param name="Late">Not signed off by the provincial stage's deadline: work still outstanding once it passed, or a sign-off at or after it.</param>
public sealed record UnitOverview(
    Region Unit, Organisation? Authority, int Waiting, int Recommended, int SignedOff, int NotRecommended, int QuotaUsed, int? QuotaLimit, bool Late)
{
    public bool IsSeparatelyPlannedCity => Unit.Level == RegionLevel.Prefecture;

    public bool IsBingtuan => Unit.Code == RegionCatalogue.BingtuanCode;

    public UnitProgress Progress =>
        Waiting == 0 && Recommended == 0 && NotRecommended == 0 ? UnitProgress.NothingReceived
        : Waiting == 0 && Recommended == SignedOff && SignedOff > 0 ? UnitProgress.SignedOff
        : UnitProgress.InProgress;

    public string ProgressText => Late ? (Progress == UnitProgress.SignedOff ? "逾期签发" : "逾期未签发") : Progress switch
    {
        UnitProgress.NothingReceived => "尚无申报",
        UnitProgress.SignedOff => "已签发",
        _ => SignedOff > 0 ? "部分签发" : "尚未签发",
    };
}

/// <summary>The national overview of a round: every provincial unit, with totals.</summary>
public sealed record NationalOverviewResult(NationalRound Round, IReadOnlyList<UnitOverview> Units)
{
    public int SignedOff => Units.Sum(u => u.SignedOff);

    public int Recommended => Units.Sum(u => u.Recommended);

    public int UnitsSignedOff => Units.Count(u => u.Progress == UnitProgress.SignedOff);

    public int UnitsLate => Units.Count(u => u.Late);
}

/// <summary>
/// Counts per provincial unit in four queries whatever the number of applications (stage reviews, waiting
/// applications, quota rows, authorities); units come from the region catalogue, so a unit without a portal
/// account still shows, with nothing received.
/// </summary>
public static class NationalOverview
{
    public static async Task<NationalOverviewResult> ForAsync(PortalDbContext db, NationalRound round, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(round);
        var (campaignId, order) = (round.Campaign.Id, round.ProvinceStage.Order);
        var reviews = await db.StageReviews.AsNoTracking()
            .Where(r => r.StageOrder == order && db.Applications.Any(a => a.Id == r.ApplicationId && a.CampaignId == campaignId))
            .Select(r => new
            {
                Unit = db.Applications.Where(a => a.Id == r.ApplicationId).Select(a => a.ProvincialUnitCode).First(),
                r.Decision,
                r.SignedOffAt,
            }).ToListAsync(ct);
        var waiting = await db.Applications.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && a.Status == ApplicationStatus.Submitted && a.CurrentStageOrder == order
                && !db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == order && r.Decision != ReviewDecision.Undecided))
            .GroupBy(a => a.ProvincialUnitCode).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Unit, g => g.Count, ct);
        var quotas = await db.QuotaUsages.AsNoTracking().Where(q => q.CampaignId == campaignId && q.StageOrder == order)
            .ToDictionaryAsync(q => q.OrganisationId, ct);
        var authorities = (await db.Organisations.AsNoTracking()
                .Where(o => o.Level == OrganisationLevel.ProvincialUnit && o.IsActive && o.RegionCode != null).ToListAsync(ct))
            .GroupBy(o => o.RegionCode!).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Id).First(), StringComparer.Ordinal);

        // The deadline closes the stage at that instant, as it closes resubmission (ApplicationSubmission): a sign-off
        // at the deadline itself is late, one a second before it is in time.
        var deadline = round.ProvinceDeadline;
        var deadlinePassed = deadline is { } d && now >= d;
        var units = RegionCatalogue.Instance.All.Where(r => r.IsProvincialUnit)
            .OrderBy(r => r.Code == RegionCatalogue.BingtuanCode ? 2 : r.Level == RegionLevel.Prefecture ? 1 : 0).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(unit =>
            {
                var own = reviews.Where(r => r.Unit == unit.Code).ToList();
                var recommended = own.Count(r => r.Decision == ReviewDecision.Recommend);
                var signedOff = own.Count(r => r.Decision == ReviewDecision.Recommend && r.SignedOffAt != null);
                var signedLate = own.Any(r => r.SignedOffAt >= deadline);
                var notRecommended = own.Count(r => r.Decision == ReviewDecision.NotRecommend);
                var authority = authorities.GetValueOrDefault(unit.Code);
                var quota = authority is null ? null : quotas.GetValueOrDefault(authority.Id);
                var limit = quota?.Limit ?? QuotaLedger.LimitFor(round.ProvinceStage, unit.Code);
                var unitWaiting = waiting.GetValueOrDefault(unit.Code);
                var outstanding = unitWaiting + recommended - signedOff;
                return new UnitOverview(unit, authority, unitWaiting, recommended, signedOff, notRecommended,
                    quota?.Used ?? recommended, limit, Late: (deadlinePassed && outstanding > 0) || signedLate);
            }).ToList();
        return new NationalOverviewResult(round, units);
    }
}
