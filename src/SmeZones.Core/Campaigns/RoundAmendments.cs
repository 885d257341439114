using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>What may change once a round is published: later closing and stage deadlines, more places. Text as written.</summary>
public sealed class RoundAmendment
{
    public string? ClosesAt { get; set; }
    public List<StageDefinition> Stages { get; set; } = [];

    public static RoundAmendment Of(Campaign campaign) => new()
    {
        ClosesAt = RoundDefinition.FormatTime(campaign.ClosesAt),
        Stages = RoundDefinition.Of(campaign).Stages,
    };
}

/// <summary>
/// Changes to a published round. The edition and the chain stay as published; the closing time and stage deadlines
/// can only move later and quotas only rise (a place already taken must stay valid). Each change is audited, and an
/// extension is shown to applicants (<see cref="Campaign.ExtensionNotice"/>).
/// </summary>
public static class RoundAmendments
{
    public static async Task<RoundResult> AmendAsync(
        PortalDbContext db, Campaign campaign, RoundAmendment amendment, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (campaign.Status != CampaignStatus.Published)
        {
            return RoundResult.Fail("", campaign.Status == CampaignStatus.Draft ? "草稿可直接修改，无需变更。" : "批次已结束，不能再变更。");
        }
        var errors = Check(campaign, amendment);
        if (errors.Count > 0)
        {
            return new RoundResult(null, errors);
        }
        var closes = RoundDefinition.ParseValidTime(amendment.ClosesAt);
        var changes = new List<object>();
        if (!SameMinute(closes, campaign.ClosesAt))
        {
            changes.Add(new { closesAt = new { before = campaign.ClosesAt, after = closes } });
            db.Record(actor, "RoundClosingExtended", nameof(Campaign), RoundSetup.Id(campaign),
                $"“{campaign.Name}”截止时间由 {ChinaTime.Format(campaign.ClosesAt)} 延长至 {ChinaTime.Format(closes)}");
            campaign.ClosesAt = closes;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = new List<ReviewStage>();
        foreach (var (stage, written) in campaign.Stages.OrderBy(s => s.Order).Zip(amendment.Stages))
        {
            var before = new { stage.Deadline, stage.Quota, stage.SpecialUnitQuota, stage.BingtuanQuota };
            var deadline = RoundDefinition.ParseValidTime(written.Deadline);
            stage.Deadline = stage.Deadline is { } old && SameMinute(old, deadline) ? old : deadline;
            stage.Quota = RoundSetup.Count(written.Quota);
            stage.SpecialUnitQuota = RoundSetup.Count(written.SeparatelyPlannedCityQuota);
            stage.BingtuanQuota = RoundSetup.Count(written.BingtuanQuota);
            var after = new { stage.Deadline, stage.Quota, stage.SpecialUnitQuota, stage.BingtuanQuota };
            if (before == after)
            {
                continue;
            }
            db.Record(actor, "RoundStageAmended", nameof(Campaign), RoundSetup.Id(campaign),
                $"“{campaign.Name}”{stage.Name}：截止时间或名额变更", new { stage = stage.Order, before, after });
            changed.Add(stage);
        }
        // The stage's new quota first, so a unit taking its first place from now on starts from it; then the held rows.
        await db.SaveChangesAsync(ct);
        foreach (var stage in changed)
        {
            await RaiseHeldLimitsAsync(db, campaign.Id, stage, ct);
        }
        await transaction.CommitAsync(ct);
        return new RoundResult(campaign, []);
    }

    /// <summary>
    /// The database holds each unit's limit from its first recommendation on (QuotaLedger). Raising it row by row with
    /// GREATEST queues behind any recommendation holding the row and never lowers a limit, so "Used" &lt;= "Limit" holds.
    /// </summary>
    private static async Task RaiseHeldLimitsAsync(PortalDbContext db, int campaignId, ReviewStage stage, CancellationToken ct)
    {
        var holders = await db.QuotaUsages.AsNoTracking()
            .Where(q => q.CampaignId == campaignId && q.StageOrder == stage.Order)
            .Join(db.Organisations, q => q.OrganisationId, o => o.Id, (q, o) => new { q.OrganisationId, o.RegionCode })
            .ToListAsync(ct);
        foreach (var holder in holders)
        {
            if (stage.QuotaFor(holder.RegionCode) is not { } limit)
            {
                continue;
            }
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "QuotaUsages" SET "Limit" = GREATEST("Limit", {limit})
                WHERE "CampaignId" = {campaignId} AND "StageOrder" = {stage.Order} AND "OrganisationId" = {holder.OrganisationId}
                """, ct);
        }
    }

    private static List<ValidationFailure> Check(Campaign campaign, RoundAmendment amendment)
    {
        var errors = new List<ValidationFailure>();
        void Fail(string field, string message) => errors.Add(new ValidationFailure(field, message));
        if (!RoundDefinition.TryParseTime(amendment.ClosesAt, out var closes))
        {
            Fail(nameof(amendment.ClosesAt), "请填写截止时间（北京时间，如2027-08-15 17:00）");
        }
        else if (closes < campaign.ClosesAt && !SameMinute(closes, campaign.ClosesAt))
        {
            Fail(nameof(amendment.ClosesAt), $"已发布批次的截止时间只能延后，不能早于 {ChinaTime.Format(campaign.ClosesAt)}");
        }
        var stages = campaign.Stages.OrderBy(s => s.Order).ToList();
        if (amendment.Stages.Count != stages.Count)
        {
            Fail(nameof(amendment.Stages), "已发布批次的审核流程不能增减环节");
            return errors;
        }
        DateTimeOffset? previous = null;
        for (var i = 0; i < stages.Count; i++)
        {
            var (stage, written, at) = (stages[i], amendment.Stages[i], $"Stages[{i}].");
            if (!RoundDefinition.TryParseTime(written.Deadline, out var deadline))
            {
                Fail(at + nameof(written.Deadline), $"请填写{stage.Name}的截止时间");
            }
            else if (stage.Deadline is { } old && deadline < old && !SameMinute(old, deadline))
            {
                Fail(at + nameof(written.Deadline), $"{stage.Name}的截止时间只能延后，不能早于 {ChinaTime.Format(old)}");
            }
            else if ((previous ?? closes) is var floor && deadline < floor)
            {
                Fail(at + nameof(written.Deadline), $"{stage.Name}的截止时间不能早于申报截止时间或上一级的截止时间");
            }
            previous = deadline;
            // Each kind of unit's quota as it applies (its own, or the general one when it has none) may only rise.
            var quotaOk = Parse(written.Quota, at + nameof(written.Quota), $"{stage.Name}的名额", Fail, out var quota);
            if (quotaOk)
            {
                Raise(stage.Quota, quota, at + nameof(written.Quota), $"{stage.Name}的名额", Fail);
            }
            foreach (var (kind, text, field, label) in new[]
            {
                (ReviewingUnitKind.SeparatelyPlannedCity, written.SeparatelyPlannedCityQuota, nameof(written.SeparatelyPlannedCityQuota), "计划单列市的名额"),
                (ReviewingUnitKind.Bingtuan, written.BingtuanQuota, nameof(written.BingtuanQuota), "兵团的名额"),
            })
            {
                if (Parse(text, at + field, stage.Name + label, Fail, out var own) && quotaOk)
                {
                    Raise(stage.QuotaFor(kind), own ?? quota, at + field, stage.Name + label, Fail);
                }
            }
        }
        return errors;
    }

    // Times are written to the minute; a stored time with seconds is unchanged when its minute is written back.
    private static bool SameMinute(DateTimeOffset a, DateTimeOffset b) =>
        RoundDefinition.FormatTime(a) == RoundDefinition.FormatTime(b);

    private static bool Parse(string? written, string field, string label, Action<string, string> fail, out int? value)
    {
        if (!RoundDefinition.TryParseCount(written, out value))
        {
            fail(field, $"{label}须为整数");
        }
        else if (value < 0)
        {
            fail(field, $"{label}不能为负数");
        }
        else if (value > RoundDefinitionValidator.MaxQuota)
        {
            fail(field, $"{label}不能超过{RoundDefinitionValidator.MaxQuota}");
        }
        else
        {
            return true;
        }
        return false;
    }

    private static void Raise(int? old, int? value, string field, string label, Action<string, string> fail)
    {
        if (old is { } o && (value is null || value < o))
        {
            fail(field, $"已发布批次的{label}只能增加，不能少于{o}");
        }
        else if (old is null && value is not null)
        {
            fail(field, $"{label}在发布时未设限额，不能再设置");
        }
    }
}
