using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Registry;

/// <summary>One entry of a re-review round that did not pass: 复核未通过, or no re-review filed by the round's deadline.</summary>
public sealed record ReReviewFailure(RegistryEntry Entry, int CampaignId, string CampaignName, Guid? ApplicationId, string? ApplicationNumber, string Why);

/// <summary>
/// Re-review rounds (复核, 第九条, ADR 0066): the organiser names the 期满待复核 entries in the round editor; publishing
/// creates one draft application per entry, for the entry's holder, prefilled from the original application's plan
/// (<see cref="ReReviewPrefill"/>) and the accepted annual reports (<see cref="AnnualReportActuals"/>). Passing at 认定
/// extends the entry (<see cref="RegistryLifecycle.ExtendAfterReReview"/>); failing or not filing puts it on
/// <see cref="FailuresAsync"/>, offered for 撤销, never revoked automatically.
/// </summary>
public static class ReReviewRounds
{
    public const int MaxEntries = 500;

    /// <summary>The entries a round of this programme and form edition may re-review: its own programme's, or the one the edition declares.</summary>
    public static IReadOnlyList<Programme> ProgrammesFor(Programme programme, string? formEditionKey)
    {
        var declared = formEditionKey is not null && FormEditionCatalogue.Default.TryGet(formEditionKey, out var form) ? form!.Edition?.ReReviews : null;
        return declared is { } other ? [other] : [programme];
    }

    /// <summary>The 期满待复核 entries the organiser may put in a re-review round: inside its region, of the programmes given.</summary>
    public static async Task<IReadOnlyList<RegistryEntry>> DueForAsync(PortalDbContext db, Organisation organiser, IReadOnlyList<Programme>? programmes, CancellationToken ct = default)
    {
        var due = await db.RegistryEntries.AsNoTracking()
            .Where(e => e.Status == RegistryStatus.ExpiredAwaitingReview && e.EndingStatus == null && e.OrganisationId != null)
            .Where(e => programmes == null || programmes.Contains(e.Programme))
            .OrderBy(e => e.ValidUntil).ThenBy(e => e.CertificateNumber).Take(5000).ToListAsync(ct);
        return due.Where(e => InRegion(e, organiser)).ToList();
    }

    /// <summary>
    /// The entries written in a draft, checked against the database: each a 期满待复核 entry with a holder, inside the
    /// organiser's region, of a programme the round re-reviews, and not in another round's re-review already under way.
    /// Messages are keyed <c>ReReviewEntries</c>, beside the list in the editor.
    /// </summary>
    public static async Task<string?> CheckAsync(PortalDbContext db, RoundDefinition definition, Organisation organiser, int? roundId, CancellationToken ct = default)
    {
        var ids = new List<Guid>();
        foreach (var text in definition.ReReviewEntries.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
        {
            if (!Guid.TryParse(text, out var id))
            {
                return "复核条目选择有误，请重新选择。";
            }
            ids.Add(id);
        }
        if (ids.Count > MaxEntries)
        {
            return $"一个复核批次最多包含 {MaxEntries} 个条目。";
        }
        if (ids.Count == 0)
        {
            return null;
        }
        var programme = Enum.Parse<Programme>(definition.Programme!.Trim());
        var programmes = ProgrammesFor(programme, definition.FormEdition?.Trim());
        var entries = await db.RegistryEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        foreach (var id in ids)
        {
            var entry = entries.SingleOrDefault(e => e.Id == id);
            if (entry is null || !InRegion(entry, organiser))
            {
                return "所选条目不存在或不在本单位组织范围内，请重新选择。";
            }
            if (entry.Status != RegistryStatus.ExpiredAwaitingReview || entry.EndingStatus is not null)
            {
                return $"“{entry.Name}”不是期满待复核的条目，不能列入复核批次。";
            }
            if (!programmes.Contains(entry.Programme))
            {
                return $"“{entry.Name}”属于{entry.Programme.ToChinese()}，与本批次的申报表不符。";
            }
            if (entry.OrganisationId is null)
            {
                return $"“{entry.Name}”没有申报主体单位，无法生成复核申报；请先在名录中补全。";
            }
        }
        var taken = await db.Applications.AsNoTracking()
            .Where(a => a.ReReviewEntryId != null && ids.Contains(a.ReReviewEntryId.Value) && a.CampaignId != roundId
                && a.Campaign!.Status == CampaignStatus.Published)
            .Select(a => a.Campaign!.Name).FirstOrDefaultAsync(ct);
        return taken is null ? null : $"所选条目已在进行中的复核批次“{taken}”中。";
    }

    /// <summary>
    /// Creates the round's re-review applications (publishing calls it in its unit of work): one draft per entry for
    /// its holder, prefilled; an entry that already has one in this round is skipped. Returns how many were created.
    /// </summary>
    public static async Task<int> CreateApplicationsAsync(PortalDbContext db, Campaign campaign, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!campaign.IsReReview)
        {
            return 0;
        }
        var form = FormEditionCatalogue.Default.Get(campaign.FormEditionKey);
        var existing = await db.Applications.Where(a => a.CampaignId == campaign.Id && a.ReReviewEntryId != null)
            .Select(a => a.ReReviewEntryId!.Value).ToListAsync(ct);
        var entries = await db.RegistryEntries.AsNoTracking()
            .Where(e => campaign.ReReviewEntryIds.Contains(e.Id) && !existing.Contains(e.Id)).OrderBy(e => e.CertificateNumber).ToListAsync(ct);
        // The holders in one read (tracked: each becomes its draft's organisation), not one per entry.
        var holderIds = entries.Where(e => e.OrganisationId is not null).Select(e => e.OrganisationId!.Value).Distinct().ToList();
        var holders = await db.Organisations.Where(o => holderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var entry in entries)
        {
            var holder = entry.OrganisationId is int holderId && holders.TryGetValue(holderId, out var found)
                ? found
                : throw new InvalidOperationException($"Registry entry {entry.CertificateNumber} has no holder organisation.");
            var application = await ApplicationFactory.AddDraftAsync(db, campaign, holder, actor, now, ct);
            application.ReReviewEntryId = entry.Id;
            application.Title = entry.Name;
            var start = await ReReviewPrefill.ForAsync(db, entry.Id, ct);
            var actuals = await AnnualReportActuals.ForAsync(db, entry.Id, ct);
            application.Answers = ReReviewPrefill.Answers(form, entry, start, actuals);
            db.Record(actor, "ReReviewApplicationCreated", nameof(Application), application.Id.ToString(),
                $"复核申报 {application.Number}：{entry.Name}（{entry.CertificateNumber}）", new { entry = entry.Id, campaign = campaign.Id });
            await Notifications.Notifications.ReReviewApplicationCreatedAsync(db, entry, application, campaign, now, ct);
        }
        return entries.Count;
    }

    /// <summary>
    /// The entries of the viewer's re-review rounds still 期满待复核 that did not pass: the application was not
    /// recommended or not certified at 认定, or it was not submitted before the round closed.
    /// </summary>
    public static async Task<IReadOnlyList<ReReviewFailure>> FailuresAsync(PortalDbContext db, Viewer viewer, DateTimeOffset now, CancellationToken ct = default)
    {
        var rows = await (
            from a in db.Applications.AsNoTracking()
            join e in db.RegistryEntries.AsNoTracking().VisibleTo(viewer) on a.ReReviewEntryId equals e.Id
            where e.Status == RegistryStatus.ExpiredAwaitingReview && e.EndingStatus == null
            let notCertified = db.ListEntries.Any(l => l.ApplicationId == a.Id && l.Outcome == Publication.ListOutcome.NotCertified)
            where a.Status == ApplicationStatus.NotRecommended || notCertified
                || (a.SubmittedAt == null && a.Campaign!.ClosesAt <= now)
            orderby e.CertificateNumber
            select new { Entry = e, a.CampaignId, CampaignName = a.Campaign!.Name, a.Id, a.Number, a.Status, a.SubmittedAt, notCertified })
            .Take(1000).ToListAsync(ct);
        return rows.Select(r => new ReReviewFailure(r.Entry, r.CampaignId, r.CampaignName, r.Id, r.Number,
            r.SubmittedAt is null ? "逾期未提交复核申报" : r.notCertified ? "复核未通过（不予认定）" : "复核未通过（不予推荐）")).ToList();
    }

    private static bool InRegion(RegistryEntry entry, Organisation organiser) =>
        organiser.Level == OrganisationLevel.Ministry || organiser.RegionCode is null
        || RegionCatalogue.Instance.IsWithin(entry.RegionCode, organiser.RegionCode);
}

/// <summary>
/// The achieved value of each plan row (row key → value) from the entry's latest accepted annual report
/// (年度发展报告), for the re-review prefill. Only a report the ministry accepted counts; its answers are those it
/// submitted, since an accepted report cannot be edited.
/// </summary>
public static class AnnualReportActuals
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(PortalDbContext db, Guid entryId, CancellationToken ct = default)
    {
        var report = await db.AnnualReports.AsNoTracking()
            .Where(r => r.EntryId == entryId && r.Status == AnnualReportStatus.Accepted)
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        if (report is null || AnnualReportProgress.Table(FormEditionCatalogue.Default.Get(report.FormEditionKey)) is not { } table)
        {
            return new Dictionary<string, string>();
        }
        var (prefix, suffix) = ($"{table.Key}.", $".{ReReviewPrefill.AchievedColumn}");
        return report.Answers
            .Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal) && a.Key.EndsWith(suffix, StringComparison.Ordinal)
                && !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key[prefix.Length..^suffix.Length], a => a.Value);
    }
}
