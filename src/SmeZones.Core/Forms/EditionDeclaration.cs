namespace SmeZones.Core.Forms;

/// <summary>
/// What an edition declares about itself so that no C# outside the criteria editions needs to know which edition or
/// programme it is reading (ADR 0036): the criteria it is assessed by, which answers name the application and its
/// 运营管理机构, the 简介 draft, the programme's words, and how its 佐证材料 are numbered. The 推荐汇总表's columns
/// say where each cell comes from in <see cref="TableColumn.Source"/>.
/// </summary>
public sealed record EditionDeclaration
{
    /// <summary>The criteria edition (<c>Assessment.CriteriaEditions</c>) the form is assessed by, e.g. <c>zone-2024</c>.</summary>
    public required string Criteria { get; init; }

    /// <summary>
    /// Criteria read answers by semantic keys; where this form keeps an answer under another key, it maps the semantic
    /// key (or a leading part of it, e.g. <c>revenue.total</c>) to its own. Absent keys are read as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CriteriaKeys { get; init; }

    /// <summary>The answers that make the application's title (合作区名称 / 集群名称), the first filled one wins.</summary>
    public required IReadOnlyList<string> TitleAnswers { get; init; }

    /// <summary>The answers that name the 运营管理机构, the first filled one wins; the applicant authority when none.</summary>
    public IReadOnlyList<string>? OperatorAnswers { get; init; }

    public required ProgrammeWords Words { get; init; }

    public required IntroDraftTemplate IntroDraft { get; init; }

    /// <summary>
    /// The programme whose registry entries a round of this edition re-reviews when it is not the edition's own
    /// (the 新疆 复核 form re-reviews clusters); absent when the edition re-reviews its own programme's entries.
    /// </summary>
    public Campaigns.Programme? ReReviews { get; init; }

    /// <summary>How many 佐证材料 the form numbers (1…n, each asked exactly once); none when absent.</summary>
    public int? NumberedEvidence { get; init; }
}

/// <summary>The programme's words as pages and exports print them.</summary>
public sealed record ProgrammeWords
{
    /// <summary>The programme's full name, e.g. 中外中小企业合作区.</summary>
    public required string Programme { get; init; }

    /// <summary>What one application is called in running text, e.g. 合作区 / 集群.</summary>
    public required string Unit { get; init; }

    /// <summary>Prefix of application numbers, so a number says its programme at a glance (HZQ-2026-0001).</summary>
    public required string NumberPrefix { get; init; }

    /// <summary>The default certificate number format, e.g. 合作区〔{year}〕{n:000}号.</summary>
    public required string CertificateFormat { get; init; }

    /// <summary>Years a certification is valid (zones 5, clusters 3).</summary>
    public required int ValidityYears { get; init; }
}

/// <summary>
/// The first draft of the 简介: parts joined in order; a part holding an answer placeholder (<c>{answer:key}</c>) is
/// left out when that answer is blank or "无". <c>{title}</c> is the application's title (or <see cref="FallbackTitle"/>),
/// <c>{latestYear}</c> the last data year.
/// </summary>
public sealed record IntroDraftTemplate
{
    public required string FallbackTitle { get; init; }

    public required IReadOnlyList<string> Parts { get; init; }
}
