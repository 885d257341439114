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
        // Who returned it and at which stage come with the request: one statement, whatever the page loaded.
        var found = await db.RevisionRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.ResolvedAt == null)
            .OrderByDescending(r => r.ReturnedAt)
            .Select(r => new
            {
                Request = r,
                Unit = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Stage = db.ReviewStages.Where(s => s.CampaignId == application.CampaignId && s.Order == r.StageOrder).Select(s => s.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var request = found.Request;
        var headings = FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition)
            ? SectionProgressReport.Headings(definition!)
            : [];
        // Printed order, so the applicant can work down the form; a key the edition lacks still shows, by its key.
        var sections = headings.Where(h => request.SectionComments.ContainsKey(h.Key))
            .Select(h => new SectionComment(h.Key, h.Heading, request.SectionComments[h.Key]))
            .Concat(request.SectionComments.Where(c => headings.All(h => h.Key != c.Key)).Select(c => new SectionComment(c.Key, c.Key, c.Value)))
            .ToList();
        return new RevisionNotice(found.Unit ?? "", found.Stage ?? "", request.ReturnedAt, request.GeneralComment, sections);
    }

    private static async Task<NotRecommendedNotice?> NotRecommendedAsync(PortalDbContext db, Application application, CancellationToken ct)
    {
        var found = await db.StageReviews.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.Decision == ReviewDecision.NotRecommend && r.SignedOffAt != null)
            .OrderByDescending(r => r.StageOrder)
            .Select(r => new
            {
                r.SignedOffAt,
                r.DecisionReason,
                Unit = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Stage = db.ReviewStages.Where(s => s.CampaignId == application.CampaignId && s.Order == r.StageOrder).Select(s => s.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new NotRecommendedNotice(found.Unit ?? "", found.Stage ?? "", found.SignedOffAt!.Value, found.DecisionReason ?? "");
    }
}
