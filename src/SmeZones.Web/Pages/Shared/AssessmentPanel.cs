namespace SmeZones.Web.Pages;

/// <summary>What the one assessment renderer (Shared/_Assessment) shows.</summary>
/// <param name="ForApplicant">The self-check: no points, no reviewer-only items.</param>
public sealed record AssessmentPanel(Core.Assessment.Assessment Assessment, bool ForApplicant)
{
    /// <summary>
    /// Only these requirements are listed (a section page lists those reading its answers, ADR 0089), with the summary
    /// of the whole assessment above them; null lists every requirement and the consistency warnings.
    /// </summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>The level of the group headings, under the page's own (2 on a page whose h1 is the self-check's).</summary>
    public int HeadingLevel { get; init; } = 3;

    /// <summary>The counts of an assessment's outcomes as one Chinese sentence, wherever they are shown.</summary>
    public static string Counts(Core.Assessment.AssessmentSummary s) =>
        $"共 {s.Total} 项要求：符合 {s.Met} 项，不符合 {s.NotMet} 项，数据缺失 {s.DataMissing} 项，需审核人判断 {s.ReviewerJudgement} 项。";
}
