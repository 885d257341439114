namespace SmeZones.Core.Forms;

/// <summary>The shape of a field's answer; see README.md for the answer keys each type produces.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A text area, usually with a 字 limit.</summary>
    LongText,

    /// <summary>One number.</summary>
    Number,

    /// <summary>One number per data year.</summary>
    Yearly,

    /// <summary>Several numeric columns, one value per column and data year.</summary>
    YearGrid,

    /// <summary>是/否, optionally with more options (e.g. "非高耗能行业，不适用").</summary>
    YesNo,

    /// <summary>One option out of several.</summary>
    Choice,

    /// <summary>Any number of ticked options, optionally ending in "其他____".</summary>
    Checkboxes,

    /// <summary>"数量：__个 名称：__".</summary>
    CountNames,

    /// <summary>Rows × columns (× data years) of numbers, e.g. the standards table.</summary>
    Table,

    /// <summary>Indicators by 方向 with baseline / target (/ achieved) text cells.</summary>
    PlanTable,

    /// <summary>A printed row that spans several sub-rows; holds child fields.</summary>
    Group,

    /// <summary>The 真实性声明: a statement the applicant confirms.</summary>
    Declaration,

    /// <summary>The recommending authority's opinion (推荐意见 / 复核意见).</summary>
    Opinion,
}

/// <summary>Who fills a field: the applicant, or the authority that recommends it.</summary>
public enum FieldFiller
{
    Applicant,
    Recommender,
}

/// <summary>
/// One printed row (or block) of the form. A single flat record keeps the JSON readable; which
/// properties apply depends on <see cref="Type"/>, and <see cref="FormDefinitionChecker"/> enforces it.
/// </summary>
public sealed record FormField
{
    /// <summary>Stable ASCII key, e.g. <c>revenue</c> or <c>basic.zoneName</c>.</summary>
    public required string Key { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>The label verbatim as printed (may be empty only for parts of a group).</summary>
    public required string Label { get; init; }

    /// <summary>A printed parenthesis after the label, e.g. "（简要描述，100字以内）".</summary>
    public string? LabelNote { get; init; }

    /// <summary>A short name for messages, e.g. "合作区营业总收入"; the label when absent.</summary>
    public string? Name { get; init; }

    /// <summary>An example line printed under the blank, e.g. "(例：××中小企业合作区·…)".</summary>
    public string? Hint { get; init; }

    /// <summary>Text printed before the blank, e.g. "总数量：".</summary>
    public string? Prefix { get; init; }

    /// <summary>Text printed after the blank, e.g. "(非新设立机构)" or "省(区、市)".</summary>
    public string? Suffix { get; init; }

    public string? Unit { get; init; }

    public NumberSpec? Number { get; init; }

    /// <summary>Year offsets of a yearly field; the definition's data years when absent.</summary>
    public IReadOnlyList<int>? Years { get; init; }

    /// <summary>Limit in characters (字), counted as text elements.</summary>
    public int? MaxChars { get; init; }

    /// <summary>A printed line above the options, e.g. "集群已提供的中小企业公共服务：".</summary>
    public string? OptionsIntro { get; init; }

    public IReadOnlyList<FormOption>? Options { get; init; }

    /// <summary>The label of the free-text "其他____" option that ends a checkbox list.</summary>
    public string? OtherLabel { get; init; }

    /// <summary>佐证材料 numbers the row asks for (zone forms, 1–15).</summary>
    public IReadOnlyList<int>? Evidence { get; init; }

    /// <summary>The evidence request verbatim, e.g. "（提供相关佐证材料 2）" or "（注：勾选需提供佐证材料）".</summary>
    public string? EvidenceNote { get; init; }

    /// <summary>Other printed notes, e.g. "（注：单位产值能耗需提供计算公式）".</summary>
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>Printed outline of what a long text should cover; may hold year templates.</summary>
    public IReadOnlyList<string>? Guidance { get; init; }

    /// <summary>Header of the row-label column of a table, e.g. "类别" or "方向".</summary>
    public string? RowHeader { get; init; }

    /// <summary>Header of the indicator column of a plan table ("指标").</summary>
    public string? IndicatorHeader { get; init; }

    public IReadOnlyList<TableRow>? Rows { get; init; }

    public IReadOnlyList<TableColumn>? Columns { get; init; }

    public IReadOnlyList<PlanDirection>? Directions { get; init; }

    /// <summary>Child fields of a group.</summary>
    public IReadOnlyList<FormField>? Fields { get; init; }

    /// <summary>The statement of a declaration.</summary>
    public string? Text { get; init; }

    /// <summary>Signature and seal lines, e.g. "推荐单位（公章）：", "年 月 日".</summary>
    public IReadOnlyList<string>? SignatureLines { get; init; }

    /// <summary>True for rows the form does not require (rare; the forms require everything).</summary>
    public bool? Optional { get; init; }

    /// <summary>The applicant when absent.</summary>
    public FieldFiller? FilledBy { get; init; }

    /// <summary>The name used in messages.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DisplayName => Name ?? Label;

    /// <summary>The unit to print beside the field: none when the printed label already gives it, e.g. "数量（家）".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ShownUnit =>
        string.IsNullOrEmpty(Unit)
        || Label.Contains($"（{Unit}）", StringComparison.Ordinal)
        || Label.Contains($"({Unit})", StringComparison.Ordinal)
        || Label.Contains($"单位：{Unit}", StringComparison.Ordinal)
            ? null
            : Unit;

    /// <summary>The options in effect: a yes/no field without options is 是/否.</summary>
    public IReadOnlyList<FormOption> EffectiveOptions() =>
        Options ?? (Type == FieldType.YesNo ? YesNoOptions : []);

    public static IReadOnlyList<FormOption> YesNoOptions { get; } =
    [
        new FormOption { Key = "yes", Label = "是" },
        new FormOption { Key = "no", Label = "否" },
    ];
}

/// <summary>What a <see cref="ComputationRule"/> computes; see <see cref="FormComputations"/>.</summary>
public enum ComputationKind
{
    /// <summary>Compound average of yearly growth rates: (Π(1 + r))^(1/n) − 1.</summary>
    AverageOfRates,

    /// <summary>Average annual growth of yearly values (optionally × a yearly share): (last/first)^(1/(n−1)) − 1.</summary>
    GrowthOfValues,

    /// <summary>Decline from first to last year: (1 − last/first) × 100.</summary>
    ReductionRate,

    /// <summary>Numerator ÷ (denominator ÷ 10000).</summary>
    PerTenThousand,

    /// <summary>Numerator ÷ denominator × 100.</summary>
    PercentOf,
}

/// <summary>A suggestion the portal computes; keys are answer keys or answer-key stems.</summary>
public sealed record ComputationRule
{
    public required ComputationKind Kind { get; init; }

    /// <summary>The answer key the value is suggested for (may be a derived key not on the form).</summary>
    public required string Target { get; init; }

    /// <summary>What the value is, in Chinese, e.g. "合作区外商直接投资额近三年年均增速".</summary>
    public required string Label { get; init; }

    /// <summary>A yearly field key (its answers are Source.y1 … Source.yN).</summary>
    public string? Source { get; init; }

    /// <summary>A yearly share (%) to multiply the source with, e.g. 主导产业产值占比.</summary>
    public string? ShareOf { get; init; }

    public string? Numerator { get; init; }

    public string? Denominator { get; init; }
}
