using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.ExpertReview;

/// <summary>One application's place in the round after expert review (the contract with the 建议名单).</summary>
public sealed record RankedApplication(Guid ApplicationId, int Rank, decimal? Aggregate, bool? Passes, bool Flagged);

/// <summary>One row of the round's expert review: the application, its province's sign-off and its aggregate.</summary>
public sealed record ExpertReviewRow(Applications.Application Application, DateTimeOffset? SignedOffAt, ExpertAggregate Result, int Members, int Submitted);

/// <summary>
/// The ranking within a round: applications that reached the ministry's stage (signed off by their province), those
/// that pass first, then by aggregate (highest first; clusters by the share of passing sheets), those without any
/// submitted sheet last; ties by the province's sign-off time. The gates come from the assessment the province signed.
/// </summary>
public static class ExpertRanking
{
    public static async Task<IReadOnlyList<RankedApplication>> ForCampaignAsync(PortalDbContext db, int campaignId, CancellationToken ct = default) =>
        (await RowsAsync(db, campaignId, ct))
            .Select((r, i) => new RankedApplication(r.Application.Id, i + 1, r.Result.Aggregate, r.Result.Passes, r.Result.Flagged))
            .ToList();

    /// <summary>The round's rows in rank order.</summary>
    public static Task<IReadOnlyList<ExpertReviewRow>> RowsAsync(PortalDbContext db, int campaignId, CancellationToken ct = default) =>
        RowsAsync(db, campaignId, withGroupOnly: false, ct);

    /// <summary>The same, optionally only the applications that have an expert group (a download of thousands needs no others).</summary>
    public static async Task<IReadOnlyList<ExpertReviewRow>> RowsAsync(PortalDbContext db, int campaignId, bool withGroupOnly, CancellationToken ct = default)
    {
        var applications = await ExpertPool.AtMinistryStageAsync(db, campaignId, withGroupOnly, ct);
        var ids = applications.Select(a => a.Id).ToList();
        var settings = await ExpertPool.SettingsAsync(db, campaignId, ct);
        var signOffs = await ExpertPool.SignOffsAsync(db, ids, ct);
        var groups = (await db.ExpertAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct))
            .ToLookup(a => a.ApplicationId);
        var rows = applications.Select(a =>
        {
            var signOff = signOffs.GetValueOrDefault(a.Id);
            var group = groups[a.Id].ToList();
            return new ExpertReviewRow(a, signOff?.SignedOffAt, ExpertAggregate.Of(group, signOff?.Assessment, settings),
                group.Count(g => g.IsActiveMember), group.Count(g => g.SubmittedAt is not null));
        });
        return rows
            .OrderBy(r => r.Result.Sheets == 0)
            .ThenByDescending(r => r.Result.Passes == true)
            .ThenByDescending(r => r.Result.Aggregate ?? (r.Result.Sheets == 0 ? 0m : (decimal)r.Result.PassVotes / r.Result.Sheets))
            .ThenBy(r => r.SignedOffAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Application.Number, StringComparer.Ordinal)
            .ToList();
    }
}
