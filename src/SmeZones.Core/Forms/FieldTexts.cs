namespace SmeZones.Core.Forms;

/// <summary>Texts printed with a field that are derived from its definition, the same in the editor and on paper.</summary>
public static class FieldTexts
{
    /// <summary>The evidence request printed with a row, e.g. "（提供相关佐证材料 6）".</summary>
    public static string? EvidenceText(this FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.EvidenceNote ?? (field.Evidence is { Count: > 0 } numbers ? $"（提供相关佐证材料 {string.Join("、", numbers)}）" : null);
    }
}
