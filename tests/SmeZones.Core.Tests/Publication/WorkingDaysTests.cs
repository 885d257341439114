using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Publication;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Publication;

/// <summary>Working days over the 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知) as migrate loads it.</summary>
public class WorkingDaysTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private async Task<WorkingDays> CalendarAsync()
    {
        await using var db = fixture.CreateContext();
        return await WorkingDays.LoadAsync(db);
    }

    [Fact]
    public async Task Migrate_loads_the_2026_holidays_and_adjusted_working_days()
    {
        await using var db = fixture.CreateContext();
        var days = await db.CalendarDays.Where(d => d.Date.Year == 2026).ToListAsync();
        // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7 days off; 6 调休 working days.
        Assert.Equal(33, days.Count(d => !d.IsWorkingDay));
        Assert.Equal(6, days.Count(d => d.IsWorkingDay));
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 2, 14) && d.IsWorkingDay && d.Name == "春节");
    }

    [Fact]
    public async Task A_five_day_period_across_the_national_day_holiday_skips_it_and_counts_the_adjusted_saturday()
    {
        var calendar = await CalendarAsync();
        // Tue 29 Sep, Wed 30 Sep, (1–7 Oct off), Thu 8, Fri 9, Sat 10 Oct is a 调休 working day.
        var (first, last) = calendar.PeriodStarting(new DateOnly(2026, 9, 29), 5);
        Assert.Equal(new DateOnly(2026, 9, 29), first);
        Assert.Equal(new DateOnly(2026, 10, 10), last);
    }

    [Fact]
    public async Task An_adjusted_working_sunday_counts_and_the_first_day_counts_itself()
    {
        var calendar = await CalendarAsync();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 20))); // Sunday, 调休
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 19))); // ordinary Saturday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        // Fri 18 Sep, Sun 20 Sep (调休), Mon 21, Tue 22, Wed 23.
        Assert.Equal((new DateOnly(2026, 9, 18), new DateOnly(2026, 9, 23)), calendar.PeriodStarting(new DateOnly(2026, 9, 18), 5));
    }

    [Fact]
    public async Task A_period_starting_on_a_holiday_begins_on_the_next_working_day()
    {
        var calendar = await CalendarAsync();
        // 1 Jan is 元旦; 4 Jan (Sun) is a working day: 4, 5, 6, 7, 8 Jan.
        Assert.Equal((new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 8)), calendar.PeriodStarting(new DateOnly(2026, 1, 1), 5));
    }

    [Fact]
    public async Task Working_days_after_an_event_do_not_count_the_day_of_the_event()
    {
        var calendar = await CalendarAsync();
        // Event on Fri 13 Feb; 14 Feb (Sat) is a 调休 working day, 15–23 off: 14, 24, 25.
        Assert.Equal(new DateOnly(2026, 2, 25), calendar.WorkingDaysAfter(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public async Task An_administrators_change_to_a_shipped_day_survives_the_next_migrate()
    {
        await using (var db = fixture.CreateContext())
        {
            var day = await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 6, 19));
            day.IsWorkingDay = true;
            await db.SaveChangesAsync();
            await SmeZones.Core.Data.DatabaseSetup.SyncCalendarAsync(db);
        }
        try
        {
            Assert.True((await CalendarAsync()).IsWorkingDay(new DateOnly(2026, 6, 19)));
        }
        finally
        {
            await using var db = fixture.CreateContext();
            (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 6, 19))).IsWorkingDay = false;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public void Objections_open_at_midnight_beijing_time_of_the_first_day_and_close_at_midnight_after_the_last()
    {
        var list = new PublicList { CampaignId = 1, FirstDay = new DateOnly(2026, 12, 1), LastDay = new DateOnly(2026, 12, 7), PublishedAt = DateTimeOffset.UnixEpoch };
        var opens = ChinaTime.At(2026, 12, 1);
        var closes = ChinaTime.At(2026, 12, 8);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), opens);
        Assert.False(Announcement.IsOpen(list, opens.AddTicks(-1)));
        Assert.True(Announcement.IsOpen(list, opens));
        Assert.True(Announcement.IsOpen(list, closes.AddTicks(-1)));
        Assert.False(Announcement.IsOpen(list, closes));
        Assert.True(Announcement.HasEnded(list, closes));
    }
}
