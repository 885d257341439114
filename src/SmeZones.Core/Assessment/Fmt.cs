using System.Globalization;

namespace SmeZones.Core.Assessment;

/// <summary>Number formatting for explanations: no trailing zeros ("12", "99.99", "13.5").</summary>
internal static class Fmt
{
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture) + "年";

    /// <summary>A value with its unit, e.g. "12家", "4.01%", "100亿元".</summary>
    public static string WithUnit(decimal value, string unit) => Number(value) + unit;

    /// <summary>
    /// An average for display with 2 decimals as the form asks; with 4 when 2 would print the
    /// threshold itself while the exact comparison says otherwise (e.g. 4.003% is 高于4% but prints 4.00).
    /// </summary>
    public static string Average(double average, decimal threshold)
    {
        var two = Math.Round((decimal)average, 2, MidpointRounding.AwayFromZero);
        return two == threshold && (double)threshold != average
            ? Math.Round((decimal)average, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture)
            : two.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
