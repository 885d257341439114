namespace SmeZones.Core.Publication;

/// <summary>
/// A day whose status departs from the Monday–Friday rule: a public holiday (休) or an adjusted working day (调休, 班).
/// Every other day is a working day exactly when it is Monday to Friday.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }

    /// <summary>The holiday it belongs to, e.g. 春节.</summary>
    public required string Name { get; set; }
}

/// <summary>The official arrangement shipped with the code (国务院办公厅关于2026年部分节假日安排的通知), loaded at migrate.</summary>
public static class OfficialCalendar
{
    public static IReadOnlyList<CalendarDay> Days { get; } = Build();

    private static List<CalendarDay> Build()
    {
        var days = new List<CalendarDay>();
        void Off(string name, int month, int first, int last)
        {
            for (var d = first; d <= last; d++)
            {
                days.Add(new CalendarDay { Date = new DateOnly(2026, month, d), IsWorkingDay = false, Name = name });
            }
        }
        void Work(string name, int month, int day) => days.Add(new CalendarDay { Date = new DateOnly(2026, month, day), IsWorkingDay = true, Name = name });
        Off("元旦", 1, 1, 3); Work("元旦", 1, 4);
        Off("春节", 2, 15, 23); Work("春节", 2, 14); Work("春节", 2, 28);
        Off("清明节", 4, 4, 6);
        Off("劳动节", 5, 1, 5); Work("劳动节", 5, 9);
        Off("端午节", 6, 19, 21);
        Off("中秋节", 9, 25, 27);
        Off("国庆节", 10, 1, 7); Work("国庆节", 9, 20); Work("国庆节", 10, 10);
        return days;
    }
}
