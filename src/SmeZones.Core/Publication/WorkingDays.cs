using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;

namespace SmeZones.Core.Publication;

/// <summary>
/// Counts working days over the administrator's holiday calendar. One place for every period the programmes count in
/// working days: the 公示 period here, the registry's 30 working days later.
/// </summary>
public sealed class WorkingDays
{
    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkingDays(IEnumerable<CalendarDay> exceptions) => _exceptions = exceptions.ToDictionary(d => d.Date, d => d.IsWorkingDay);

    public static async Task<WorkingDays> LoadAsync(PortalDbContext db, CancellationToken ct = default) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The last day of a period of <paramref name="count"/> working days whose first day is the first working day on
    /// or after <paramref name="start"/> (a 公示 notice counts its own first date). Returns the first and last days.
    /// </summary>
    public (DateOnly First, DateOnly Last) PeriodStarting(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var first = NextWorkingDayFrom(start);
        var last = first;
        for (var counted = 1; counted < count; counted++)
        {
            last = NextWorkingDayFrom(last.AddDays(1));
        }
        return (first, last);
    }

    /// <summary>
    /// "N working days from an event" as the Civil Code counts (第二百零一条: the day of the event does not count): the
    /// last day of N working days beginning after <paramref name="eventDate"/>.
    /// </summary>
    public DateOnly WorkingDaysAfter(DateOnly eventDate, int count) => PeriodStarting(eventDate.AddDays(1), count).Last;

    /// <summary>The <paramref name="count"/>th working day before <paramref name="date"/> (the date itself not counted).</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    private DateOnly NextWorkingDayFrom(DateOnly date)
    {
        // A year has no more than ~15 consecutive days off; the bound only stops a corrupt calendar looping forever.
        for (var i = 0; i < 60; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                return date;
            }
        }
        throw new InvalidOperationException("节假日数据有误：连续 60 天没有工作日。");
    }
}
