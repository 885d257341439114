using System.Globalization;

namespace SmeZones.Core.Campaigns;

/// <summary>Deadlines are official in Beijing time (Asia/Shanghai), whatever the server's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>An instant from a Beijing wall-clock time, in UTC as the database stores instants.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Zone.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0))).ToUniversalTime();

    public static string Format(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string FormatDate(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
