namespace SmeZones.Core.Forms;

/// <summary>The kind of input an answer key takes.</summary>
public enum SlotKind
{
    Text,
    LongText,
    Number,

    /// <summary>One option key out of <see cref="AnswerSlot.Options"/>.</summary>
    Choice,

    /// <summary>A checkbox: "true" when ticked.</summary>
    Flag,
}

/// <summary>When an answer must be filled on submit.</summary>
public enum RequiredWhen
{
    Always,
    Never,

    /// <summary>When the checkbox <see cref="AnswerSlot.DependsOn"/>[0] is ticked (the "其他" text).</summary>
    Ticked,

    /// <summary>When the count <see cref="AnswerSlot.DependsOn"/>[0] is above zero (the 名称 of a 数量 + 名称 pair).</summary>
    PositiveCount,

    /// <summary>When any of <see cref="AnswerSlot.DependsOn"/> is filled (cells of a row the applicant added).</summary>
    RowStarted,
}

/// <summary>
/// One answer key a definition expects, with everything a generic renderer or validator needs.
/// <see cref="Label"/> is resolved for the round and specific enough for an error summary.
/// </summary>
public sealed record AnswerSlot
{
    public required string Key { get; init; }

    /// <summary>The key of the top-level field (or group child) the answer belongs to.</summary>
    public required string FieldKey { get; init; }

    /// <summary>The section key, or "cover" for the cover page.</summary>
    public required string SectionKey { get; init; }

    public required SlotKind Kind { get; init; }

    public required string Label { get; init; }

    public required RequiredWhen RequiredWhen { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public FieldFiller FilledBy { get; init; } = FieldFiller.Applicant;

    public NumberSpec? Number { get; init; }

    public string? Unit { get; init; }

    public int? MaxChars { get; init; }

    public IReadOnlyList<FormOption>? Options { get; init; }

    /// <summary>The resolved data year of a per-year answer.</summary>
    public int? Year { get; init; }

    /// <summary>
    /// The optional row the cell belongs to (a plan table's added "......" row, e.g. <c>plan.achievement.industryExtra1</c>);
    /// null for answers the form requires on their own. See <see cref="NotApplicableRows"/>.
    /// </summary>
    public string? OptionalRow { get; init; }
}
