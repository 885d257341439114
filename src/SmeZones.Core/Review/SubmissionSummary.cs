using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Review;

/// <summary>
/// What the lists show of a submission's assessment, stored beside the snapshot when it is made (same transaction), so
/// no list parses a snapshot (ADR 0072). One row per submission; <see cref="Assessed"/> is false when the round has no
/// criteria for the form edition. Refreshed through <see cref="SubmissionSummaries.AssessmentInputsChangedAsync"/> when an input of the assessment changes.
/// </summary>
public class SubmissionSummary
{
    public Guid SubmissionId { get; set; }
    public Guid ApplicationId { get; set; }
    public int Sequence { get; set; }
    public bool Assessed { get; set; }
    public bool AllGatesMet { get; set; }
    public int Met { get; set; }
    public int NotMet { get; set; }
    public int DataMissing { get; set; }
    public int ReviewerJudgement { get; set; }

    /// <summary>The sum of the suggested points where the edition scores in points (zones); null otherwise.</summary>
    public decimal? SuggestedTotal { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Computes, stores and refreshes <see cref="SubmissionSummary"/> rows: the one place that turns a snapshot into one.</summary>
public static class SubmissionSummaries
{
    /// <summary>The summary of one snapshot's answers, assessed as the round and province figures stand.</summary>
    public static SubmissionSummary Of(Submission submission, Campaign campaign, FormDefinition definition,
        IReadOnlyDictionary<string, string> answers, AssessmentSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var summary = new SubmissionSummary
        {
            SubmissionId = submission.Id, ApplicationId = submission.ApplicationId, Sequence = submission.Sequence, ComputedAt = now,
        };
        Fill(summary, ApplicationAssessment.TryAssess(campaign, definition, new FormAnswers(answers), settings));
        return summary;
    }

    private static void Fill(SubmissionSummary summary, AssessmentResult? assessment)
    {
        summary.Assessed = assessment is not null;
        summary.AllGatesMet = assessment?.AllGatesMet ?? false;
        summary.Met = assessment?.Summary.Met ?? 0;
        summary.NotMet = assessment?.Summary.NotMet ?? 0;
        summary.DataMissing = assessment?.Summary.DataMissing ?? 0;
        summary.ReviewerJudgement = assessment?.Summary.ReviewerJudgement ?? 0;
        summary.SuggestedTotal = assessment is not null && ScoringRules.KindOf(assessment) == ScoringKind.Points
            && ScoringRules.Dimensions(assessment).Where(d => d.SuggestedPoints is not null).ToList() is { Count: > 0 } scored
            ? scored.Sum(d => d.SuggestedPoints!.Value) : null;
    }

    /// <summary>
    /// Computes the summaries of every submission that has none (a database from before ADR 0072), in batches so memory
    /// stays bounded; run by <c>migrate</c>. Returns how many were written.
    /// </summary>
    public static async Task<int> BackfillAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var written = 0;
        while (true)
        {
            var batch = await db.Submissions.AsNoTracking()
                .Where(s => !db.SubmissionSummaries.Any(m => m.SubmissionId == s.Id))
                .OrderBy(s => s.SubmittedAt).Take(200).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return written;
            }
            var rows = await ComputeAsync(db, batch, clock.GetUtcNow(), ct);
            db.SubmissionSummaries.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += rows.Count;
        }
    }

    /// <summary>
    /// "The assessment inputs of these applications changed": the one call every write makes that changes something the
    /// assessment reads after submissions exist (today the province's reference figures; a round's relaxations and
    /// relaxed classes are fixed once it is published, and an application's region is copied at creation). Re-assesses
    /// the latest submission of each application with the inputs as they stand in this unit of work (tracked, unsaved
    /// changes included) and rewrites its stored summary, so the lists keep showing what the review page shows.
    /// Works in batches, so a round of thousands never holds more than a batch of snapshots. The caller saves, in the
    /// same transaction as the change.
    /// </summary>
    public static async Task AssessmentInputsChangedAsync(PortalDbContext db, IQueryable<Application> applications, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applications);
        var ids = applications.Select(a => a.Id);
        var latest = await db.Submissions.AsNoTracking()
            .Where(s => ids.Contains(s.ApplicationId) && s.Sequence == db.Submissions.Where(t => t.ApplicationId == s.ApplicationId).Max(t => t.Sequence))
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var chunk in latest.Chunk(200))
        {
            var submissions = await db.Submissions.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync(ct);
            var fresh = await ComputeAsync(db, submissions, now, ct);
            var existing = await db.SubmissionSummaries.Where(m => chunk.Contains(m.SubmissionId)).ToDictionaryAsync(m => m.SubmissionId, ct);
            foreach (var row in fresh)
            {
                if (existing.TryGetValue(row.SubmissionId, out var stored))
                {
                    db.Entry(stored).CurrentValues.SetValues(row);
                }
                else
                {
                    db.SubmissionSummaries.Add(row);
                }
            }
        }
    }

    private static async Task<List<SubmissionSummary>> ComputeAsync(PortalDbContext db, IReadOnlyList<Submission> submissions, DateTimeOffset now, CancellationToken ct)
    {
        var applicationIds = submissions.Select(s => s.ApplicationId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.CampaignId, a.RegionCode, a.ProvincialUnitCode }).ToDictionaryAsync(a => a.Id, ct);
        var campaignIds = applications.Values.Select(a => a.CampaignId).Distinct().ToList();
        // A round being changed in this unit of work is read as changed (tracked first), the others from the database.
        var campaigns = db.Campaigns.Local.Where(c => campaignIds.Contains(c.Id)).ToDictionary(c => c.Id);
        var missing = campaignIds.Where(id => !campaigns.ContainsKey(id)).ToList();
        foreach (var campaign in await db.Campaigns.AsNoTracking().Include(c => c.Stages).Where(c => missing.Contains(c.Id)).ToListAsync(ct))
        {
            campaigns[campaign.Id] = campaign;
        }
        var figures = db.ProvinceReferenceFigures.Local.Where(f => campaignIds.Contains(f.CampaignId)).ToList();
        figures.AddRange(await db.ProvinceReferenceFigures.AsNoTracking().Where(f => campaignIds.Contains(f.CampaignId)).ToListAsync(ct));
        var byUnit = figures.GroupBy(f => (f.CampaignId, f.RegionCode)).ToDictionary(g => g.Key, g => g.First());
        return submissions.Select(s =>
        {
            var application = applications[s.ApplicationId];
            var campaign = campaigns[application.CampaignId];
            var settings = ApplicationAssessment.SettingsFor(campaign, application.RegionCode, byUnit.GetValueOrDefault((campaign.Id, application.ProvincialUnitCode)));
            return Parse(s.CanonicalJson) is { } snapshot
                ? Of(s, campaign, snapshot.Definition, snapshot.Answers, settings, now)
                : new SubmissionSummary { SubmissionId = s.Id, ApplicationId = s.ApplicationId, Sequence = s.Sequence, ComputedAt = now };
        }).ToList();
    }

    // A snapshot from before the definition copy was part of it cannot be assessed: it gets an unassessed summary, and
    // the upgrade goes on (the snapshot itself is kept and still verifies by its hash).
    private static SubmissionSnapshot? Parse(string json)
    {
        try
        {
            return SubmissionSnapshot.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
