using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Reads the cells of a plan table (基准值 / 目标值 / 完成值). They are free text on the form, so officers
/// often add a unit ("12%", "35家", "8.5亿元"); one trailing unit from a short list is dropped, then the
/// number is read as the validator reads numbers. Anything else is unreadable (DataMissing).
/// </summary>
internal static class PlanCells
{
    private static readonly string[] Units = ["%", "％", "亿元", "万元", "元", "家", "个", "件", "项", "吨标准煤/万元", "吨二氧化碳/万元", "吨", "万吨"];

    public static NumberRead Read(AssessmentInput input, string key, string unit)
    {
        var raw = input.Raw(key);
        var value = FormNumbers.Read(StripUnit(raw));
        return new NumberRead(key, value, raw, new FigureUsed(input.Label(key), value, unit, key, null, value is null ? raw : null));
    }

    /// <summary>A plan cell's number as the assessment reads it (a unit typed after it is ignored); null when it is none.</summary>
    public static decimal? Number(string? raw) => FormNumbers.Read(StripUnit(raw));

    private static string? StripUnit(string? raw)
    {
        var text = raw?.Trim();
        if (text is null)
        {
            return null;
        }

        var unit = Units.OrderByDescending(u => u.Length).FirstOrDefault(u => text.EndsWith(u, StringComparison.Ordinal));
        return unit is null ? text : text[..^unit.Length].TrimEnd();
    }
}
