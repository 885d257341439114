namespace SmeZones.Core.Forms;

/// <summary>
/// The caps an edition puts on answers the printed form leaves open: text without a 字 limit and numbers without
/// a printed range. Without them a 1 MB name or a 20-digit count is stored, printed and summed as if sane.
/// Declared per edition (JSON <c>limits</c>); a stored edition copy without them reads with these defaults.
/// </summary>
public sealed record AnswerLimits
{
    public static AnswerLimits Default { get; } = new();

    /// <summary>One-line answers (names, 其他 texts, text cells) without a printed limit.</summary>
    public int LineChars { get; init; } = 200;

    /// <summary>Multi-line answers without a printed 字 limit (名称 lists, opinions).</summary>
    public int TextChars { get; init; } = 5000;

    /// <summary>The largest magnitude of a number whose unit has no entry in <see cref="UnitMax"/>.</summary>
    public decimal NumberMax { get; init; } = 1_000_000_000_000m;

    /// <summary>The largest magnitude per unit as printed (亿元, 万元, 家, 个, %, …).</summary>
    public IReadOnlyDictionary<string, decimal> UnitMax { get; init; } = new Dictionary<string, decimal>
    {
        ["亿元"] = 100_000m,
        ["万元"] = 1_000_000_000m,
        ["家"] = 1_000_000m,
        ["个"] = 100_000m,
        ["%"] = 10_000m,
        ["平方公里"] = 100_000m,
    };

    /// <summary>The slot with its caps filled in where the form itself gives none; printed limits always win.</summary>
    public AnswerSlot Apply(AnswerSlot slot) => slot.Kind switch
    {
        SlotKind.Text => slot with { MaxChars = slot.MaxChars ?? LineChars },
        SlotKind.LongText => slot with { MaxChars = slot.MaxChars ?? TextChars },
        SlotKind.Number => slot with { Number = Cap(slot.Number ?? new NumberSpec(), slot.Unit) },
        _ => slot,
    };

    private NumberSpec Cap(NumberSpec spec, string? unit)
    {
        var max = unit is not null && UnitMax.TryGetValue(unit, out var byUnit) ? byUnit : NumberMax;
        return spec with { Min = spec.Min ?? -max, Max = spec.Max ?? max };
    }
}
