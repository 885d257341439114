using System.Globalization;
using System.Text.RegularExpressions;

namespace SmeZones.Core.Forms;

/// <summary>Reads numbers typed into the form; the validator and the assessment engine must agree.</summary>
public static partial class FormNumbers
{
    [GeneratedRegex(@"^[+-]?\d+(\.(?<fraction>\d+))?$")]
    private static partial Regex Plain();

    /// <summary>
    /// Parses a typed number. Full-width digits are normalised first (officers type on Chinese IMEs);
    /// anything else that is not a plain decimal (letters, units, %, thousands separators) fails.
    /// </summary>
    public static bool TryParse(string? raw, out decimal value, out int decimals)
    {
        value = 0;
        decimals = 0;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var text = FormText.NormaliseDigits(raw);
        var match = Plain().Match(text);
        if (!match.Success || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        decimals = match.Groups["fraction"].Success ? match.Groups["fraction"].Value.TrimEnd('0').Length : 0;
        return true;
    }

    /// <summary>Parses a typed number, or null.</summary>
    public static decimal? Read(string? raw) => TryParse(raw, out var value, out _) ? value : null;

    /// <summary>Formats with 2 decimals, as the form asks.</summary>
    public static string Format(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
