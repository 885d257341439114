using System.Globalization;

namespace SmeZones.Core.Exports;

/// <summary>What a cell may hold in an export (the spreadsheet writer).</summary>
internal static class ExportValue
{
    /// <summary>
    /// Numbers become culture-invariant text ("1234.5", never "1 234,5") and are not neutralised: they cannot
    /// be formulas, and "-2" as a number is meant. Everything else must be a string or null (an empty cell),
    /// so a caller cannot export an object's ToString() by accident.
    /// </summary>
    public static bool TryFormatNumber(object value, out string text)
    {
        switch (value)
        {
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                throw new ArgumentException($"A cell cannot hold {value}.", nameof(value));
            case double or float:
                text = ((IFormattable)value).ToString("R", CultureInfo.InvariantCulture);
                return true;
            case byte or sbyte or short or ushort or int or uint or long or ulong or decimal:
                text = ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
                return true;
            case string:
                text = string.Empty;
                return false;
            default:
                throw new ArgumentException(
                    $"A cell holds a string, a number or null, not {value.GetType().Name}; format it first.", nameof(value));
        }
    }
}
