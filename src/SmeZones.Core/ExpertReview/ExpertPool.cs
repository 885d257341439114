using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.ExpertReview;

/// <summary>A province's sign-off of an application and the assessment it signed.</summary>
public sealed record SignOff(DateTimeOffset SignedOffAt, Assessment.Assessment? Assessment);

/// <summary>Reads the 专家库 and the applications that expert review works on.</summary>
public static class ExpertPool
{
    public const int MaxFields = 10;
    public const int MaxFieldLength = 30;

    /// <summary>Every expert with a profile, active or not, with account and organisation.</summary>
    public static async Task<IReadOnlyList<ExpertCandidate>> AllAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var rows = await (from p in db.ExpertProfiles.AsNoTracking()
                          join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                          join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                          orderby u.UserName
                          select new { p, u.DisplayName, u.OrganisationId, OrganisationName = o.Name, u.IsActive })
            .ToListAsync(ct);
        return rows.Select(r => new ExpertCandidate(r.p.UserId, r.DisplayName, r.OrganisationId, r.OrganisationName, r.p, r.IsActive)).ToList();
    }

    /// <summary>Accounts with the Expert role, so the ministry can take them into the pool.</summary>
    public static async Task<IReadOnlyList<PortalUser>> ExpertAccountsAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var userIds = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking().Include(u => u.Organisation).Where(u => userIds.Contains(u.Id))
            .OrderBy(u => u.UserName).ToListAsync(ct);
    }

    /// <summary>The last stage of the round (the ministry's), which an application reaches only when its province signed it off.</summary>
    public static int MinistryStageOrder(Campaigns.Campaign campaign) => campaign.Stages.Count == 0 ? int.MaxValue : campaign.Stages.Max(s => s.Order);

    /// <summary>Applications of the round that reached the ministry's stage.</summary>
    public static Task<IReadOnlyList<Application>> AtMinistryStageAsync(PortalDbContext db, int campaignId, CancellationToken ct = default) =>
        AtMinistryStageAsync(db, campaignId, withGroupOnly: false, ct);

    /// <summary>The same, optionally only those with an expert group.</summary>
    public static async Task<IReadOnlyList<Application>> AtMinistryStageAsync(PortalDbContext db, int campaignId, bool withGroupOnly, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return [];
        }
        var order = MinistryStageOrder(campaign);
        return await db.Applications.AsNoTracking().Include(a => a.Organisation)
            .Where(a => a.CampaignId == campaignId && a.ReachedStageOrder >= order && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned)
            .Where(a => !withGroupOnly || a.ExpertAssignments.Any())
            .OrderBy(a => a.Number).ToListAsync(ct);
    }

    /// <summary>
    /// The last sign-off before the ministry per application, with the assessment as signed: the gates the experts'
    /// pass rule reads, the same for the ranking, the pages and the downloads.
    /// </summary>
    public static async Task<Dictionary<Guid, SignOff>> SignOffsAsync(PortalDbContext db, IReadOnlyCollection<Guid> applicationIds, CancellationToken ct = default) =>
        (await db.StageReviews.AsNoTracking()
                .Where(r => applicationIds.Contains(r.ApplicationId) && r.SignedOffAt != null)
                .Select(r => new { r.ApplicationId, r.StageOrder, r.SignedOffAt, r.AssessmentJson })
                .ToListAsync(ct))
            .GroupBy(r => r.ApplicationId)
            .Select(g => g.OrderByDescending(r => r.StageOrder).First())
            .ToDictionary(r => r.ApplicationId, r => new SignOff(r.SignedOffAt!.Value, r.AssessmentJson is { } json ? AssessmentJson.Deserialize(json) : null));

    public static async Task<ExpertReviewSettings> SettingsAsync(PortalDbContext db, int campaignId, CancellationToken ct = default) =>
        await db.ExpertReviewSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == campaignId, ct)
        ?? ExpertReviewSettings.DefaultsFor(campaignId);

    /// <summary>Normalises the fields as typed (comma, 、 or newline separated), without duplicates.</summary>
    public static List<string> ParseFields(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}
