using System.Text.Json.Serialization;

namespace SmeZones.Core.Assessment;

/// <summary>
/// A comparison as Chinese legal drafting words it: 以上/以下/以内 and 不低于/不少于/不超过 include the
/// number; 高于/低于 exclude it. So 60.00% is "60%以上", but 4.00% is not "高于4%".
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Comparison>))]
public enum Comparison
{
    /// <summary>≥ : 以上, 不低于, 不少于.</summary>
    AtLeast,

    /// <summary>&gt; : 高于.</summary>
    Above,

    /// <summary>≤ : 以下, 以内, 不超过.</summary>
    AtMost,

    /// <summary>&lt; : 低于.</summary>
    Below,
}

internal static class ComparisonExtensions
{
    public static bool Holds(this Comparison comparison, decimal value, decimal threshold) => comparison switch
    {
        Comparison.AtLeast => value >= threshold,
        Comparison.Above => value > threshold,
        Comparison.AtMost => value <= threshold,
        Comparison.Below => value < threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>The relation in Chinese when it holds and when it fails; counts say 少于 rather than 低于.</summary>
    public static (string Holds, string Fails) Words(this Comparison comparison, bool count) => comparison switch
    {
        Comparison.AtLeast => count ? ("不少于", "少于") : ("不低于", "低于"),
        Comparison.Above => count ? ("多于", "不多于") : ("高于", "未高于"),
        Comparison.AtMost => ("不超过", "超过"),
        Comparison.Below => ("低于", "未低于"),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
