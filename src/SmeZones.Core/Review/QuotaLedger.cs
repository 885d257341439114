using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Review;

/// <summary>How many a reviewing unit has recommended at a stage, against its quota; null limit = no quota set.</summary>
public sealed record QuotaStatus(int? Limit, int Used)
{
    public bool IsLimited => Limit is not null;

    public bool IsFull => Limit is { } limit && Used >= limit;

    public string Text => Limit is { } limit ? $"已推荐 {Used} / 名额 {limit}" : $"已推荐 {Used}（本环节不限名额）";
}

/// <summary>
/// Recommendation places (推荐名额) held by the database. "Over-quota submissions are not accepted at all", so the
/// limit is enforced by one conditional UPDATE on a row per (round, stage, reviewing unit) under the CHECK
/// "Used" &lt;= "Limit": two reviewers recommending at once queue on the row lock, and the second sees the first's
/// place taken. Take and release run inside the caller's transaction, so they commit or roll back with the decision.
/// </summary>
public static class QuotaLedger
{
    /// <summary>
    /// The reviewing unit's quota at the stage by its kind (省/自治区/直辖市, 计划单列市, 兵团, 地州); null when the round
    /// sets none there (e.g. the ministry).
    /// </summary>
    public static int? LimitFor(ReviewStage stage, string? reviewingUnitRegionCode) =>
        stage.QuotaFor(reviewingUnitRegionCode);

    /// <summary>
    /// Takes one place, creating the unit's row with <paramref name="limit"/> on first use. False when none is left.
    /// Must run in a transaction: the place is only truly taken if the decision that needs it commits too.
    /// </summary>
    public static async Task<bool> TryTakeAsync(
        PortalDbContext db, int campaignId, int stageOrder, int organisationId, int limit, CancellationToken ct = default)
    {
        RequireTransaction(db);
        // The row's limit is fixed when it is first needed; the INSERT is a no-op when another request made it first.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QuotaUsages" ("CampaignId", "StageOrder", "OrganisationId", "Limit", "Used")
            VALUES ({campaignId}, {stageOrder}, {organisationId}, {limit}, 0)
            ON CONFLICT ("CampaignId", "StageOrder", "OrganisationId") DO NOTHING
            """, ct);
        var updated = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "QuotaUsages" SET "Used" = "Used" + 1
            WHERE "CampaignId" = {campaignId} AND "StageOrder" = {stageOrder} AND "OrganisationId" = {organisationId}
              AND "Used" < "Limit"
            """, ct);
        return updated == 1;
    }

    /// <summary>Gives a place back (a recommendation withdrawn before sign-off). False when the unit holds no row.</summary>
    public static async Task<bool> ReleaseAsync(
        PortalDbContext db, int campaignId, int stageOrder, int organisationId, CancellationToken ct = default)
    {
        RequireTransaction(db);
        var updated = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "QuotaUsages" SET "Used" = "Used" - 1
            WHERE "CampaignId" = {campaignId} AND "StageOrder" = {stageOrder} AND "OrganisationId" = {organisationId}
              AND "Used" > 0
            """, ct);
        return updated == 1;
    }

    /// <summary>The limit the database holds for the unit, or the stage's quota when no place was taken yet.</summary>
    public static async Task<int?> StoredLimitAsync(
        PortalDbContext db, int campaignId, ReviewStage stage, int organisationId, string? regionCode, CancellationToken ct = default)
    {
        var row = await db.QuotaUsages.AsNoTracking()
            .SingleOrDefaultAsync(q => q.CampaignId == campaignId && q.StageOrder == stage.Order && q.OrganisationId == organisationId, ct);
        return row?.Limit ?? LimitFor(stage, regionCode);
    }

    /// <summary>What the decision page shows: "已推荐 X / 名额 N".</summary>
    public static async Task<QuotaStatus> StatusAsync(
        PortalDbContext db, int campaignId, ReviewStage stage, int organisationId, string? regionCode, CancellationToken ct = default)
    {
        var row = await db.QuotaUsages.AsNoTracking()
            .SingleOrDefaultAsync(q => q.CampaignId == campaignId && q.StageOrder == stage.Order && q.OrganisationId == organisationId, ct);
        if (row is not null)
        {
            return new QuotaStatus(row.Limit, row.Used);
        }
        var limit = LimitFor(stage, regionCode);
        // No row: nothing taken yet under a quota, or no quota at all, where the count comes from the decisions.
        var recommended = limit is not null ? 0 : await db.StageReviews.AsNoTracking()
            .CountAsync(r => r.OrganisationId == organisationId && r.StageOrder == stage.Order && r.Decision == ReviewDecision.Recommend
                && db.Applications.Any(a => a.Id == r.ApplicationId && a.CampaignId == campaignId), ct);
        return new QuotaStatus(limit, recommended);
    }

    private static void RequireTransaction(PortalDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Quota places are taken and released only inside the decision's transaction.");
        }
    }
}
