using System.Globalization;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>The outcome of a change to a round: the round, or the messages per field.</summary>
public sealed record RoundResult(Campaign? Campaign, IReadOnlyList<ValidationFailure> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static RoundResult Fail(string field, string message) => new(null, [new ValidationFailure(field, message)]);
}

/// <summary>
/// Creating, publishing and ending rounds (草稿 → 已发布 → 已截止 → 已结束), the one path for the editor, the create-round
/// verb and the demo seed. Each change is audited. Changes to a published round are in <see cref="RoundAmendments"/>.
/// </summary>
public static class RoundSetup
{
    /// <summary>Creates a draft, or rewrites a draft in full. A published round's edition and chain are fixed.</summary>
    public static async Task<RoundResult> SaveDraftAsync(
        PortalDbContext db, Campaign? existing, RoundDefinition definition, Organisation organiser, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        definition.DropBlanks();
        var validation = new RoundDefinitionValidator(organiser).Validate(definition);
        if (!validation.IsValid)
        {
            return new RoundResult(null, validation.Errors);
        }
        if (existing is { Status: not CampaignStatus.Draft })
        {
            return RoundResult.Fail("", "批次已发布，申报表版本和审核流程不能再修改；截止时间和名额可在批次概览中延长或增加。");
        }
        // Said at once in the editor, not only when publishing: such a draft could not be published anyway.
        var programme = Enum.Parse<Programme>(definition.Programme!.Trim());
        var year = int.Parse(definition.Year!.Trim(), CultureInfo.InvariantCulture);
        if (await OpenRoundClashAsync(db, organiser.Id, programme, year, existing?.Id, ct) is { } clash)
        {
            return clash;
        }
        if (await Registry.ReReviewRounds.CheckAsync(db, definition, organiser, existing?.Id, ct) is { } reReviewProblem)
        {
            return RoundResult.Fail(nameof(RoundDefinition.ReReviewEntries), reReviewProblem);
        }
        if (db.Entry(organiser).State == EntityState.Detached)
        {
            // A copy read without tracking (a page's list) would be inserted again; use this context's own.
            organiser = await db.Organisations.SingleAsync(o => o.Id == organiser.Id, ct);
        }
        var campaign = existing ?? new Campaign { Name = "", FormEditionKey = "", CriteriaEditionKey = "", Status = CampaignStatus.Draft };
        var before = existing is null ? null : RoundDefinition.Of(existing);
        Apply(definition, campaign, organiser);
        if (existing is null)
        {
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
        }
        db.Record(actor, existing is null ? "RoundCreated" : "RoundDraftUpdated", nameof(Campaign), Id(campaign),
            $"{(existing is null ? "新建" : "修改")}申报批次草稿“{campaign.Name}”", new { before, after = RoundDefinition.Of(campaign) });
        await db.SaveChangesAsync(ct);
        return new RoundResult(campaign, []);
    }

    /// <summary>
    /// Opens a draft for applications from its opening time, after checking it again and that the organiser has no
    /// other round of the programme and year in progress. The closing time published is kept to show extensions.
    /// </summary>
    public static async Task<RoundResult> PublishAsync(PortalDbContext db, Campaign campaign, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (campaign.Status != CampaignStatus.Draft)
        {
            return RoundResult.Fail("", "只有草稿状态的批次可以发布。");
        }
        var organiser = campaign.Organiser ?? await db.Organisations.SingleAsync(o => o.Id == campaign.OrganiserId, ct);
        var validation = new RoundDefinitionValidator(organiser).Validate(RoundDefinition.Of(campaign));
        if (!validation.IsValid)
        {
            return new RoundResult(null, validation.Errors);
        }
        if (await OpenRoundClashAsync(db, campaign.OrganiserId, campaign.Programme, campaign.Year, campaign.Id, ct) is { } clash)
        {
            return clash;
        }
        // The due entries may have moved since the draft was saved (revoked, passed): checked again.
        if (campaign.IsReReview && await Registry.ReReviewRounds.CheckAsync(db, RoundDefinition.Of(campaign), organiser, campaign.Id, ct) is { } reReviewProblem)
        {
            return RoundResult.Fail(nameof(RoundDefinition.ReReviewEntries), reReviewProblem);
        }
        // A re-review round's applications are created with the publication, all or none.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        campaign.Status = CampaignStatus.Published;
        campaign.PublishedClosesAt = campaign.ClosesAt;
        db.Record(actor, "RoundPublished", nameof(Campaign), Id(campaign), $"发布申报批次“{campaign.Name}”",
            new { campaign.FormEditionKey, campaign.CriteriaEditionKey, opensAt = campaign.OpensAt, closesAt = campaign.ClosesAt });
        try
        {
            await db.SaveChangesAsync(ct);
            if (await Registry.ReReviewRounds.CreateApplicationsAsync(db, campaign, actor, now, ct) > 0)
            {
                await db.SaveChangesAsync(ct);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OneOpenRoundIndex })
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }
            // Another officer of the organiser published a round of the same programme and year at the same moment.
            campaign.Status = CampaignStatus.Draft;
            campaign.PublishedClosesAt = null;
            db.ChangeTracker.Clear();
            return await OpenRoundClashAsync(db, campaign.OrganiserId, campaign.Programme, campaign.Year, campaign.Id, ct)
                ?? RoundResult.Fail(nameof(RoundDefinition.Year), OpenRoundMessage(campaign.Year, campaign.Programme, null));
        }
        return new RoundResult(campaign, []);
    }

    /// <summary>Ends a round whose closing time has passed (已截止 → 已结束); applications already in review are unaffected.</summary>
    public static async Task<RoundResult> EndAsync(PortalDbContext db, Campaign campaign, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (campaign.StateAt(now) != RoundState.Closed)
        {
            return RoundResult.Fail("", "只有已截止的批次可以结束。");
        }
        campaign.Status = CampaignStatus.Ended;
        db.Record(actor, "RoundEnded", nameof(Campaign), Id(campaign), $"结束申报批次“{campaign.Name}”");
        await db.SaveChangesAsync(ct);
        return new RoundResult(campaign, []);
    }

    /// <summary>Creates a round from a definition and, when it asks to be, publishes it: the create-round verb and the demo seed.</summary>
    public static async Task<RoundResult> CreateAsync(PortalDbContext db, RoundDefinition definition, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var name = definition.Organiser?.Trim();
        var organiser = string.IsNullOrEmpty(name) ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Name == name, ct);
        if (organiser is null)
        {
            return RoundResult.Fail(nameof(RoundDefinition.Organiser), $"找不到组织单位“{name}”");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await SaveDraftAsync(db, null, definition, organiser, actor, now, ct);
        if (created.Succeeded && definition.Publish)
        {
            created = await PublishAsync(db, created.Campaign!, actor, now, ct);
        }
        if (created.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        return created;
    }

    private static void Apply(RoundDefinition d, Campaign campaign, Organisation organiser)
    {
        campaign.Organiser = organiser;
        campaign.OrganiserId = organiser.Id;
        campaign.Name = d.Name!.Trim();
        campaign.Programme = Enum.Parse<Programme>(d.Programme!.Trim());
        campaign.Year = int.Parse(d.Year!.Trim(), CultureInfo.InvariantCulture);
        campaign.FormEditionKey = d.FormEdition!.Trim();
        campaign.CriteriaEditionKey = CriteriaEditions.ForForm(campaign.FormEditionKey).Single().Key;
        campaign.OpensAt = RoundDefinition.ParseValidTime(d.OpensAt);
        campaign.ClosesAt = RoundDefinition.ParseValidTime(d.ClosesAt);
        campaign.OfficialNotice = d.NoticeNumber!.Trim();
        campaign.OfficialDeadline = d.OfficialDeadline!.Trim();
        campaign.ApplicantLevel = Enum.Parse<OrganisationLevel>(d.ApplicantLevel!.Trim());
        campaign.RelaxedRegionClasses = d.RelaxedRegionClasses.Distinct().ToList();
        campaign.Relaxations = d.Relaxations.ToDictionary(r => r.Key, r => FormNumbers.Read(r.Value)!.Value);
        campaign.IntroMaxChars = int.Parse(d.IntroMaxChars!.Trim(), CultureInfo.InvariantCulture);
        campaign.ReReviewEntryIds = d.ReReviewEntries.Select(Guid.Parse).Distinct().ToList();

        // Updated in place by order: the stage key is (round, order), and reviews refer to stages by order.
        campaign.Stages.RemoveAll(s => s.Order > d.Stages.Count);
        for (var i = 0; i < d.Stages.Count; i++)
        {
            var written = d.Stages[i];
            var stage = campaign.Stage(i + 1);
            if (stage is null)
            {
                stage = new ReviewStage { Order = i + 1, Name = "" };
                campaign.Stages.Add(stage);
            }
            stage.Level = Enum.Parse<OrganisationLevel>(written.Level!.Trim());
            stage.Name = written.Name!.Trim();
            stage.Deadline = RoundDefinition.ParseValidTime(written.Deadline);
            stage.Quota = Count(written.Quota);
            stage.SpecialUnitQuota = Count(written.SeparatelyPlannedCityQuota);
            stage.BingtuanQuota = Count(written.BingtuanQuota);
        }
    }

    /// <summary>The partial unique index behind "one round in progress per organiser, programme and year".</summary>
    public const string OneOpenRoundIndex = "UX_Campaigns_OneOpenRound";

    /// <summary>The organiser's round of the programme and year that is in progress (published, not ended), as a refusal.</summary>
    private static async Task<RoundResult?> OpenRoundClashAsync(
        PortalDbContext db, int organiserId, Programme programme, int year, int? exceptId, CancellationToken ct)
    {
        var clash = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id != exceptId && c.OrganiserId == organiserId && c.Programme == programme && c.Year == year
                && c.Status == CampaignStatus.Published)
            .Select(c => c.Name).FirstOrDefaultAsync(ct);
        return clash is null ? null : RoundResult.Fail(nameof(RoundDefinition.Year), OpenRoundMessage(year, programme, clash));
    }

    private static string OpenRoundMessage(int year, Programme programme, string? name) =>
        $"已有进行中的{year}年度{programme.ToChinese()}批次{(name is null ? "" : $"“{name}”")}；同一项目同一年度只能有一个进行中的批次，请先结束该批次。";

    internal static int? Count(string? text) => RoundDefinition.TryParseCount(text, out var value) ? value : null;

    internal static string Id(Campaign campaign) => campaign.Id.ToString(CultureInfo.InvariantCulture);
}
