namespace SmeZones.Core.Assessment;

/// <summary>
/// A requirement as the standard words it. Each criteria edition lists its rules in one place so the
/// texts can be read against the seed documents.
/// </summary>
internal sealed record Rule(string Key, string Title, string Text, string Source)
{
    public RequirementResult Result(RequirementOutcome outcome, string explanation, IEnumerable<FigureUsed>? figures = null, IEnumerable<AppliedRelaxation?>? relaxations = null) => new()
    {
        Key = Key,
        Title = Title,
        RuleText = Text,
        RuleSource = Source,
        Outcome = outcome,
        Explanation = explanation,
        Figures = figures?.ToList() ?? [],
        Relaxations = relaxations?.OfType<AppliedRelaxation>().ToList() ?? [],
    };
}
