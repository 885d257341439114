using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Review;

/// <summary>A stage's 推荐意见 as another level (or the paper form) reads it: which unit, when, and whether it is signed.</summary>
/// <param name="Date">The sign-off, or the saving of the decision while unsigned.</param>
public sealed record StageOpinion(int StageOrder, string StageName, string Unit, ReviewDecision Decision, string Opinion, DateTimeOffset Date, bool SignedOff);

/// <summary>A return for revision made by a level above the viewer's, as the lower level reads it.</summary>
public sealed record ReturnFromAbove(string StageName, string Unit, DateTimeOffset ReturnedAt, string? GeneralComment, IReadOnlyList<SectionComment> Sections, bool Resolved);

/// <summary>
/// What the levels of a review chain see of each other's work (ADR 0056): the 推荐意见 the paper form has its place for,
/// the signed-off opinions of the levels below the viewer's, and the returns a level above made after the viewer's
/// level had signed off. Unsigned decisions are the deciding unit's own draft: only that unit sees them.
/// </summary>
public static class StageOpinions
{
    /// <summary>
    /// The stage whose 推荐意见 fills the form's opinion place: every edition's place is the 省级中小企业主管部门's
    /// (推荐意见 / 复核意见, "推荐单位（公章）"), the level that recommends to the ministry or, in a province's own round, decides.
    /// </summary>
    public static ReviewStage? FormStage(Campaign campaign) =>
        (campaign ?? throw new ArgumentNullException(nameof(campaign))).StageFor(OrganisationLevel.ProvincialUnit);

    /// <summary>
    /// The recommendation printed in the form's opinion place: the form stage's 推荐 with its opinion, once signed off;
    /// before sign-off only for the unit that saved it (<paramref name="viewerOrganisationId"/>), marked unsigned.
    /// The application must come with its campaign's stages.
    /// </summary>
    public static async Task<StageOpinion?> ForFormAsync(PortalDbContext db, Application application, int? viewerOrganisationId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign and its stages with the application.");
        if (FormStage(campaign) is not { } stage)
        {
            return null;
        }
        var opinions = await LoadAsync(db, application, r => r.StageOrder == stage.Order && r.Decision == ReviewDecision.Recommend, ct);
        return opinions.FirstOrDefault(o => o.Opinion.SignedOff || o.OrganisationId == viewerOrganisationId).Opinion;
    }

    /// <summary>The signed-off 推荐意见 (and 不予推荐 reasons' opinions, where given) of every stage below <paramref name="stageOrder"/>.</summary>
    public static async Task<IReadOnlyList<StageOpinion>> BelowAsync(PortalDbContext db, Application application, int stageOrder, CancellationToken ct = default) =>
        [.. (await LoadAsync(db, application, r => r.StageOrder < stageOrder && r.SignedOffAt != null, ct)).Select(o => o.Opinion)];

    /// <summary>
    /// The returns for revision made at stages above <paramref name="stageOrder"/>, newest first, when the viewer's level
    /// has signed off: the comments tell it why what it sent on came back.
    /// </summary>
    public static async Task<IReadOnlyList<ReturnFromAbove>> ReturnsFromAboveAsync(
        PortalDbContext db, Application application, int stageOrder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var signed = await db.StageReviews.AsNoTracking().AnyAsync(r => r.ApplicationId == application.Id && r.StageOrder == stageOrder && r.SignedOffAt != null, ct);
        if (!signed)
        {
            return [];
        }
        var requests = await db.RevisionRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.StageOrder > stageOrder)
            .OrderByDescending(r => r.ReturnedAt)
            .Select(r => new { Request = r, Unit = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var headings = FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition)
            ? SectionProgressReport.Headings(definition!).ToDictionary(h => h.Key, h => h.Heading, StringComparer.Ordinal)
            : [];
        return [.. requests.Select(x => new ReturnFromAbove(
            StageName(application, x.Request.StageOrder), x.Unit ?? "", x.Request.ReturnedAt, x.Request.GeneralComment,
            [.. x.Request.SectionComments.Select(c => new SectionComment(c.Key, headings.GetValueOrDefault(c.Key) ?? c.Key, c.Value))],
            x.Request.ResolvedAt is not null))];
    }

    private static async Task<List<(StageOpinion Opinion, int OrganisationId)>> LoadAsync(
        PortalDbContext db, Application application, System.Linq.Expressions.Expression<Func<StageReview, bool>> which, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.StageReviews.AsNoTracking().Where(r => r.ApplicationId == application.Id && r.Opinion != null).Where(which)
            .OrderBy(r => r.StageOrder)
            .Select(r => new { Review = r, Unit = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(x => (new StageOpinion(x.Review.StageOrder, StageName(application, x.Review.StageOrder), x.Unit ?? "",
            x.Review.Decision, x.Review.Opinion!, x.Review.SignedOffAt ?? x.Review.DecidedAt ?? x.Review.UpdatedAt, x.Review.IsSignedOff), x.Review.OrganisationId))];
    }

    private static string StageName(Application application, int order) => application.Campaign?.Stage(order)?.Name ?? "";
}
