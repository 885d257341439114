using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Notifications;

/// <summary>
/// Reminds provincial units that still hold applications they have not signed off, from the third working day before
/// their stage deadline until it passes; once per unit per deadline (recorded in <see cref="DeadlineReminder"/>).
/// </summary>
public static class DeadlineReminders
{
    public const int WorkingDaysAhead = 3;

    /// <summary>Sends the reminders due now; returns how many units were reminded. Safe to run at any frequency.</summary>
    public static async Task<int> SendDueAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var stages = await db.ReviewStages.AsNoTracking()
            .Where(s => s.Level == OrganisationLevel.ProvincialUnit && s.Deadline != null && s.Deadline > now)
            .Join(db.Campaigns.Where(c => c.Status == CampaignStatus.Published), s => s.CampaignId, c => c.Id, (s, c) => new { Stage = s, Campaign = c })
            .ToListAsync(ct);
        if (stages.Count == 0)
        {
            return 0;
        }
        var calendar = await WorkingDays.LoadAsync(db, ct);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var reminded = 0;
        foreach (var (stage, campaign) in stages.Select(x => (x.Stage, x.Campaign)))
        {
            var deadline = stage.Deadline!.Value;
            var deadlineDay = DateOnly.FromDateTime(ChinaTime.ToChina(deadline).DateTime);
            if (today < calendar.WorkingDaysBefore(deadlineDay, WorkingDaysAhead))
            {
                continue;
            }
            var waiting = await db.Applications.AsNoTracking()
                .Where(a => a.CampaignId == stage.CampaignId && a.Status == ApplicationStatus.Submitted && a.CurrentStageOrder == stage.Order
                    && !db.StageReviews.Any(r => r.ApplicationId == a.Id && r.StageOrder == stage.Order && r.SignedOffAt != null))
                .GroupBy(a => a.ProvincialUnitCode).Select(g => new { Code = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Code, g => g.Count, ct);
            if (waiting.Count == 0)
            {
                continue;
            }
            var codes = waiting.Keys.ToList();
            var done = await db.DeadlineReminders.AsNoTracking()
                .Where(r => r.CampaignId == stage.CampaignId && r.StageOrder == stage.Order && r.Deadline == deadline)
                .Select(r => r.OrganisationId).ToListAsync(ct);
            var units = await db.Organisations.AsNoTracking()
                .Where(o => o.IsActive && o.Level == OrganisationLevel.ProvincialUnit && o.RegionCode != null && codes.Contains(o.RegionCode) && !done.Contains(o.Id))
                .OrderBy(o => o.Id).ToListAsync(ct);
            foreach (var unit in units)
            {
                db.DeadlineReminders.Add(new DeadlineReminder
                {
                    Id = Guid.NewGuid(), CampaignId = stage.CampaignId, StageOrder = stage.Order, OrganisationId = unit.Id, Deadline = deadline, SentAt = now,
                });
                await Notifications.DeadlineNearAsync(db, campaign, stage, unit, waiting[unit.RegionCode!], now, ct);
                db.Record(Actor.System, "DeadlineReminderSent", nameof(Campaign), stage.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{stage.Name}截止提醒：{unit.Name}（{waiting[unit.RegionCode!]} 件未签发）", new { stage = stage.Order, organisationId = unit.Id, deadline });
                reminded++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run recorded one of these reminders first: it sent them; this run sends none.
            db.ChangeTracker.Clear();
            return 0;
        }
        return reminded;
    }
}
