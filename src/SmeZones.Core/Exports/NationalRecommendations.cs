using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>The assessment at the provincial unit's sign-off, as the list filters it.</summary>
public enum AssessmentVerdict
{
    /// <summary>门槛条件均满足</summary>
    GatesMet = 1,

    /// <summary>有门槛条件未满足或缺数据</summary>
    GatesNotMet = 2,
}

/// <summary>Where a recommended application stands at the ministry's stage.</summary>
public enum NationalReviewState
{
    /// <summary>待部级审核: no decision at the ministry yet.</summary>
    Waiting = 1,

    /// <summary>部级已提出意见，尚未签发.</summary>
    Decided = 2,

    /// <summary>部级已签发.</summary>
    SignedOff = 3,

    /// <summary>退回申报单位修改.</summary>
    Returned = 4,
}

/// <summary>The list's filters as the query string carries them; all optional, unknown values ignored.</summary>
public sealed record NationalFilter(string? ProvincialUnit = null, RegionClass? RegionClass = null, AssessmentVerdict? Verdict = null, NationalReviewState? State = null);

public sealed record NationalRow(
    Guid Id, string Number, string Title, string Organisation, string ProvincialUnitCode, string ProvincialUnit,
    string Region, bool? GatesMet, DateTimeOffset? SignedOffAt, NationalReviewState State);

public sealed record NationalPage(IReadOnlyList<NationalRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The recommended applications of a national round, filtered and ordered in SQL (provincial unit, then number) and
/// read a page at a time. The verdict is the assessment the provincial unit signed off with (StageReview.GatesMet).
/// </summary>
public static class NationalRecommendations
{
    public const int PageSize = 50;

    public static string StateText(NationalReviewState state) => state switch
    {
        NationalReviewState.Waiting => "待部级审核",
        NationalReviewState.Decided => "部级已提出意见",
        NationalReviewState.SignedOff => "部级已签发",
        NationalReviewState.Returned => "退回修改中",
        _ => state.ToString(),
    };

    public static string VerdictText(bool? gatesMet) => gatesMet switch
    {
        true => "门槛条件均满足",
        false => "有门槛条件未满足",
        null => "无预评估",
    };

    public static IQueryable<Application> Filtered(PortalDbContext db, NationalRound round, NationalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(filter);
        var query = round.Recommended(db);
        var (province, ministry) = (round.ProvinceStage.Order, round.MinistryStage.Order);
        if (filter.ProvincialUnit is { Length: > 0 } unit)
        {
            query = query.Where(a => a.ProvincialUnitCode == unit);
        }
        if (filter.RegionClass is { } regionClass)
        {
            // The class belongs to the provincial unit (catalogue data), so it becomes a list of unit codes for SQL.
            var codes = RegionCatalogue.Instance.All.Where(r => r.IsProvincialUnit && r.Class == regionClass).Select(r => r.Code).ToList();
            query = query.Where(a => codes.Contains(a.ProvincialUnitCode));
        }
        if (filter.Verdict is { } verdict)
        {
            var met = verdict == AssessmentVerdict.GatesMet;
            query = query.Where(a => db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == province && r.GatesMet == met));
        }
        query = filter.State switch
        {
            NationalReviewState.Returned => query.Where(a => a.Status == ApplicationStatus.Returned),
            NationalReviewState.SignedOff => query.Where(a => db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == ministry && r.SignedOffAt != null)),
            NationalReviewState.Decided => query.Where(a => a.Status != ApplicationStatus.Returned && db.StageReviews.Any(r => r.ApplicationId == a.Id
                && r.StageOrder == ministry && r.SignedOffAt == null && r.Decision != ReviewDecision.Undecided)),
            NationalReviewState.Waiting => query.Where(a => a.Status == ApplicationStatus.Submitted && !db.StageReviews.Any(r => r.ApplicationId == a.Id
                && r.StageOrder == ministry && (r.SignedOffAt != null || r.Decision != ReviewDecision.Undecided))),
            _ => query,
        };
        return query;
    }

    /// <summary>One page (1-based; out of range is clamped) of the filtered list.</summary>
    public static async Task<NationalPage> PageAsync(PortalDbContext db, NationalRound round, NationalFilter filter, int page, CancellationToken ct = default)
    {
        var query = Filtered(db, round, filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var (province, ministry) = (round.ProvinceStage.Order, round.MinistryStage.Order);
        // One value per correlated subquery: each is an index lookup for the page's rows only (an object taken with
        // First() becomes a window over every stage review of the round).
        var rows = await query.OrderBy(a => a.ProvincialUnitCode).ThenBy(a => a.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.Number, a.Title, Organisation = a.Organisation!.Name, a.ProvincialUnitCode, a.RegionCode, a.Status,
                ProvinceSignedOffAt = db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder == province).Select(r => r.SignedOffAt).FirstOrDefault(),
                GatesMet = db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder == province).Select(r => r.GatesMet).FirstOrDefault(),
                MinistryDecision = db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder == ministry).Select(r => (ReviewDecision?)r.Decision).FirstOrDefault(),
                MinistrySignedOffAt = db.StageReviews.Where(r => r.ApplicationId == a.Id && r.StageOrder == ministry).Select(r => r.SignedOffAt).FirstOrDefault(),
            }).ToListAsync(ct);
        var regions = RegionCatalogue.Instance;
        return new NationalPage(rows.Select(r => new NationalRow(
            r.Id, r.Number, r.Title, r.Organisation, r.ProvincialUnitCode, regions.Find(r.ProvincialUnitCode)?.Name ?? r.ProvincialUnitCode,
            regions.FullName(r.RegionCode) ?? r.RegionCode, r.GatesMet, r.ProvinceSignedOffAt,
            r.Status == ApplicationStatus.Returned ? NationalReviewState.Returned
            : r.MinistrySignedOffAt is not null ? NationalReviewState.SignedOff
            : r.MinistryDecision is { } decision && decision != ReviewDecision.Undecided ? NationalReviewState.Decided
            : NationalReviewState.Waiting)).ToList(), total, page, PageSize);
    }
}
