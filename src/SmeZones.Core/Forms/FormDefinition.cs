using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Forms;

/// <summary>
/// One edition of an official application form (申报表), held as data so that an application can be
/// read forever with the exact edition it was filled in with. Texts may hold year templates
/// (<c>{y}</c>, <c>{y-1}</c>, <c>{y+2}</c>) that <see cref="FormTemplate"/> resolves from a round year.
/// </summary>
public sealed record FormDefinition
{
    /// <summary>Stable edition key, e.g. <c>zone-2026</c>.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required Programme Programme { get; init; }

    /// <summary>The issuer line printed on the cover, e.g. "工业和信息化部 制".</summary>
    public required string Issuer { get; init; }

    /// <summary>The round (year) the edition was published for.</summary>
    public required int RoundYear { get; init; }

    /// <summary>Annex label printed above the title when the form is an annex of a notice.</summary>
    public string? Annex { get; init; }

    /// <summary>The data years of the form, as offsets from the round year (e.g. -3, -2, -1).</summary>
    public required IReadOnlyList<int> DataYears { get; init; }

    /// <summary>Fields of the cover page (封面).</summary>
    public required IReadOnlyList<FormField> Cover { get; init; }

    /// <summary>The 填报说明 items verbatim, without their numbers; may hold year templates.</summary>
    public required IReadOnlyList<string> Instructions { get; init; }

    public required IReadOnlyList<FormSection> Sections { get; init; }

    /// <summary>Suggestions the portal computes from the answers (see <see cref="FormComputations"/>).</summary>
    public IReadOnlyList<ComputationRule>? Computations { get; init; }

    /// <summary>A companion table the recommending authority fills (e.g. 附件2 推荐汇总表), if the notice has one.</summary>
    public RecommendationSummary? Summary { get; init; }

    /// <summary>Caps on answers the printed form leaves open; <see cref="AnswerLimits.Default"/> when absent.</summary>
    public AnswerLimits? Limits { get; init; }

    /// <summary>
    /// What the edition declares about itself (criteria, title answers, words, 简介 draft). Required of catalogue
    /// editions; a snapshot written before editions declared it reads the catalogue's (<see cref="Declared"/>).
    /// </summary>
    public EditionDeclaration? Edition { get; init; }

    /// <summary>What kind of form this is; absent means an application form (申报表), the only kind there was at first.</summary>
    public FormKind? Kind { get; init; }

    /// <summary>A 年度发展报告 form's settings (when it is due); required of that kind, absent on application forms.</summary>
    public AnnualReportDeclaration? AnnualReport { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAnnualReport => Kind == FormKind.AnnualReport;

    /// <summary>The edition's declaration: its own, or for an older snapshot copy, the catalogue edition's of the same key.</summary>
    public EditionDeclaration Declared() =>
        TryDeclared() ?? throw new InvalidOperationException($"Form edition '{Key}' declares no criteria, title or words.");

    /// <summary>The same, or null for an old copy of an edition the catalogue no longer has.</summary>
    public EditionDeclaration? TryDeclared() =>
        Edition ?? (FormEditionCatalogue.Default.TryGet(Key, out var current) ? current!.Edition : null);
}

/// <summary>
/// The kinds of form the engine edits, validates and prints with the same code: the round's 申报表, and the
/// registry's 年度发展报告 (no round: its year is the report year + 1, so <c>{y-1}</c> is the year reported on).
/// </summary>
public enum FormKind
{
    Application = 0,
    AnnualReport = 1,
}

/// <summary>
/// When a programme's 年度发展报告 is due (管理办法 第八条: zones by 31 March; clusters 30 April), for the previous year,
/// 北京时间 through 23:59:59 of that day, and how many days before it the holder is reminded.
/// </summary>
public sealed record AnnualReportDeclaration
{
    public required int DueMonth { get; init; }

    public required int DueDay { get; init; }

    public required IReadOnlyList<int> RemindDaysBefore { get; init; }
}

/// <summary>A numbered section of the form (一、基本情况 …).</summary>
public sealed record FormSection
{
    public required string Key { get; init; }

    /// <summary>Chinese ordinal as printed, e.g. "一".</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    /// <summary>Printed note under the heading, e.g. "(不超过 3000 字, 可另附纸, 包括但不限于以下方面)".</summary>
    public string? Note { get; init; }

    /// <summary>True when the section's table starts with the row "年度 | year | year | year".</summary>
    public bool? YearHeader { get; init; }

    public required IReadOnlyList<FormField> Fields { get; init; }
}

/// <summary>The limits of a numeric answer. The 填报说明 ask for at most 2 decimals.</summary>
public sealed record NumberSpec
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Counts of 家/个 must be whole numbers.</summary>
    public bool? WholeNumber { get; init; }

    /// <summary>Maximum decimals; 2 when not given ("保留小数点后 2 位").</summary>
    public int? Decimals { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public int MaxDecimals => WholeNumber == true ? 0 : Decimals ?? 2;
}

/// <summary>One option of a choice or checkbox list.</summary>
public sealed record FormOption
{
    public required string Key { get; init; }

    public required string Label { get; init; }
}

/// <summary>A row of a table field, or a fixed indicator of a plan table.</summary>
public sealed record TableRow
{
    public required string Key { get; init; }

    public required string Label { get; init; }
}

/// <summary>A column of a table, year grid or plan table. The label may hold year templates.</summary>
public sealed record TableColumn
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public string? Unit { get; init; }

    /// <summary>Numeric limits of the column's cells; null means free text.</summary>
    public NumberSpec? Number { get; init; }

    public string? Hint { get; init; }

    public int? MaxChars { get; init; }

    /// <summary>
    /// 推荐汇总表 columns only: where the cell comes from — <c>rowNumber</c>, <c>title</c>, <c>province</c>, <c>city</c>,
    /// <c>county</c>, <c>summaryPartners</c>, <c>summaryIntro</c>, or <c>answer:KEY</c> for an answer as submitted.
    /// </summary>
    public string? Source { get; init; }
}

/// <summary>A 方向 (direction) of a plan-target table with its printed indicators.</summary>
public sealed record PlanDirection
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public required IReadOnlyList<TableRow> Rows { get; init; }

    /// <summary>Rows the applicant may add where the form prints "......".</summary>
    public int? ExtraRows { get; init; }
}

/// <summary>The province's 推荐汇总表 that accompanies a notice (not part of the 申报表 itself).</summary>
public sealed record RecommendationSummary
{
    public string? Annex { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> HeaderLines { get; init; }

    public required IReadOnlyList<TableColumn> Columns { get; init; }

    /// <summary>Where the table comes from, when it is not an official annex (e.g. the portal's equivalent for clusters).</summary>
    public string? Note { get; init; }
}
