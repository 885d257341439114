using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Review;

/// <summary>A reviewer's comment on one part of the form, with the heading the applicant knows it by.</summary>
public sealed record SectionComment(string Key, string Heading, string Comment);

/// <summary>An open return for revision as the applicant reads it.</summary>
public sealed record RevisionNotice(
    string ReviewingUnit, string StageName, DateTimeOffset ReturnedAt, string? GeneralComment, IReadOnlyList<SectionComment> Sections);

/// <summary>A signed-off 不予推荐 with its reason, which the programme rules say the applicant must be told.</summary>
public sealed record NotRecommendedNotice(string ReviewingUnit, string StageName, DateTimeOffset SignedOffAt, string Reason);

public sealed record ApplicantNotices(RevisionNotice? Revision, NotRecommendedNotice? NotRecommended);

/// <summary>What the applicant is told of the review: the open return's comments, or why it was not recommended.</summary>
public static class ReviewWorkflowNotices
{
    /// <summary>
    /// The notices of one application. The caller has already found the application through
    /// <see cref="ApplicationAccess.FindVisibleAsync"/>; this reads by id only. Undecided or unsigned decisions are
    /// drafts of the reviewer's and are never shown.
    /// </summary>
    public static async Task<ApplicantNotices> ForApplicantAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Campaign).ThenInclude(c => c!.Stages)
            .SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        return application is null ? new ApplicantNotices(null, null) : await ForApplicantAsync(db, application, ct);
    }

    /// <summary>The same, for an application the page has already loaded.</summary>
    public static async Task<ApplicantNotices> ForApplicantAsync(PortalDbContext db, Application application, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ApplicantNotices(
            application.Status == ApplicationStatus.Returned ? await RevisionAsync(db, application, ct) : null,
            application.Status == ApplicationStatus.NotRecommended ? await NotRecommendedAsync(db, application, ct) : null);
    }

    private static async Task<RevisionNotice?> RevisionAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var request = await db.RevisionRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.ResolvedAt == null)
            .OrderByDescending(r => r.ReturnedAt).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }
        var headings = FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition)
            ? SectionProgressReport.Headings(definition!)
            : [];
        // Printed order, so the applicant can work down the form; a key the edition lacks still shows, by its key.
        var sections = headings.Where(h => request.SectionComments.ContainsKey(h.Key))
            .Select(h => new SectionComment(h.Key, h.Heading, request.SectionComments[h.Key]))
            .Concat(request.SectionComments.Where(c => headings.All(h => h.Key != c.Key)).Select(c => new SectionComment(c.Key, c.Key, c.Value)))
            .ToList();
        return new RevisionNotice(await UnitNameAsync(db, request.OrganisationId, ct), await StageNameAsync(db, application.CampaignId, request.StageOrder, ct),
            request.ReturnedAt, request.GeneralComment, sections);
    }

    private static async Task<NotRecommendedNotice?> NotRecommendedAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var review = await db.StageReviews.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.Decision == ReviewDecision.NotRecommend && r.SignedOffAt != null)
            .OrderByDescending(r => r.StageOrder).FirstOrDefaultAsync(ct);
        return review is null
            ? null
            : new NotRecommendedNotice(await UnitNameAsync(db, review.OrganisationId, ct), await StageNameAsync(db, application.CampaignId, review.StageOrder, ct),
                review.SignedOffAt!.Value, review.DecisionReason ?? "");
    }

    private static async Task<string> UnitNameAsync(PortalDbContext db, int organisationId, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";

    // Read here rather than from the application's loaded round: the section pages load the round without its stages.
    private static async Task<string> StageNameAsync(PortalDbContext db, int campaignId, int order, CancellationToken ct) =>
        await db.ReviewStages.Where(s => s.CampaignId == campaignId && s.Order == order).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
}
