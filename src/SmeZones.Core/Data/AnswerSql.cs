namespace SmeZones.Core.Data;

/// <summary>
/// Reading one answer of an application in SQL (<c>jsonb_extract_path_text("Answers", key)</c>), so a table of
/// thousands reads the few answers its columns show instead of every application's whole answers document.
/// </summary>
public static class AnswerSql
{
    /// <summary>The answer under <paramref name="key"/>, or null; only for use inside a LINQ query.</summary>
    public static string? Text(Dictionary<string, string> answers, string key) =>
        throw new NotSupportedException("AnswerSql.Text is translated to SQL; it is not called in memory.");
}
