using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;

namespace SmeZones.Core.Publication;

/// <summary>公示: the proposed list goes public with a notice for a period counted in working days.</summary>
public static class Announcement
{
    public const int DefaultWorkingDays = 5;

    /// <summary>Objections are open from 00:00 of the first day to 24:00 of the last day, 北京时间.</summary>
    public static bool IsOpen(PublicList list, DateTimeOffset now) =>
        list is { FirstDay: { } first, LastDay: { } last }
        && now >= Start(first) && now < Start(last.AddDays(1));

    public static bool HasEnded(PublicList list, DateTimeOffset now) => list.LastDay is { } last && now >= Start(last.AddDays(1));

    public static DateTimeOffset Start(DateOnly day) => ChinaTime.At(day.Year, day.Month, day.Day);

    public static string Period(PublicList list) =>
        list is { FirstDay: { } f, LastDay: { } l } ? $"{f.Year}年{f.Month}月{f.Day}日至{l.Year}年{l.Month}月{l.Day}日" : "";

    /// <summary>The posted notice, period and first day by themselves (the page's validator asks the same before loading anything).</summary>
    public static IReadOnlyList<OperationError> CheckInput(string? notice, int workingDays, DateOnly firstDay, DateOnly today)
    {
        var errors = new List<OperationError>();
        if (string.IsNullOrWhiteSpace(notice))
        {
            errors.Add(new OperationError("notice", "请填写公示说明。"));
        }
        else if (notice.Trim().Length > 5000)
        {
            errors.Add(new OperationError("notice", $"公示说明不能超过 5000 个字（现 {notice.Trim().Length} 个）。"));
        }
        if (workingDays is < 1 or > 30)
        {
            errors.Add(new OperationError("workingDays", "公示期须为 1 至 30 个工作日。"));
        }
        if (firstDay < today)
        {
            errors.Add(new OperationError("firstDay", $"公示首日不能早于今天（{today.Year}年{today.Month}月{today.Day}日）。"));
        }
        return errors;
    }

    public static async Task<IReadOnlyList<OperationError>> PublishAsync(
        PortalDbContext db, int campaignId, string? notice, int workingDays, DateOnly firstDay, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = new List<OperationError>();
        var list = await db.PublicLists.SingleOrDefaultAsync(l => l.CampaignId == campaignId, ct);
        if (list is null || !await db.ListEntries.AnyAsync(e => e.CampaignId == campaignId && e.Selected, ct))
        {
            return [OperationError.ForRequest("请先保存建议名单（至少列入一个）再公示。")];
        }
        if (list.IsPublished)
        {
            return [OperationError.ForRequest("建议名单已经公示。")];
        }
        errors.AddRange(CheckInput(notice, workingDays, firstDay, DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime)));
        if (errors.Count > 0)
        {
            return errors;
        }
        var calendar = await WorkingDays.LoadAsync(db, ct);
        (list.FirstDay, list.LastDay) = calendar.PeriodStarting(firstDay, workingDays);
        list.Notice = notice!.Trim();
        list.WorkingDays = workingDays;
        list.PublishedAt = now;
        db.Record(actor, "ListPublished", "Campaign", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"建议名单公示：{Period(list)}（{workingDays}个工作日）", new { list.FirstDay, list.LastDay, workingDays });
        await Notifications.Notifications.ListPublishedAsync(db, list, now, ct);
        await db.SaveChangesAsync(ct);
        return [];
    }
}
