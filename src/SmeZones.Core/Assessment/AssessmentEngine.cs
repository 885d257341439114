using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Assesses an application's answers against a criteria edition. Blank or unreadable answers give
/// <see cref="RequirementOutcome.DataMissing"/>; the engine throws only for a criteria key it does not
/// know or a form edition the criteria do not read (programming errors, not data).
/// </summary>
public static class AssessmentEngine
{
    public static Assessment Assess(string criteriaEditionKey, FormDefinition form, int roundYear, FormAnswers answers, AssessmentSettings settings)
    {
        var edition = CriteriaEditions.Get(criteriaEditionKey);
        if (!edition.Reads(form))
        {
            throw new ArgumentException($"Form edition '{form.Key}' declares criteria '{form.TryDeclared()?.Criteria}', not '{edition.Key}'.", nameof(form));
        }

        // "无" in an unused added row means not applicable (NotApplicableRows): the criteria see a blank row, not a figure.
        var input = new AssessmentInput(form, roundYear, NotApplicableRows.Read(form, roundYear, answers), settings);
        var groups = edition.Evaluate(input);
        var warnings = edition.Warnings(input).Concat(SettingsWarnings(edition, settings)).ToList();
        var requirements = groups.SelectMany(g => g.Requirements).ToList();
        return new Assessment
        {
            CriteriaEditionKey = edition.Key,
            CriteriaTitle = edition.Title,
            FormEditionKey = form.Key,
            RoundYear = roundYear,
            DataYears = input.DataYears,
            Settings = settings,
            Groups = groups,
            Summary = AssessmentSummary.Of(requirements),
            Warnings = warnings,
            AllGatesMet = groups.Where(g => g.Kind == GroupKind.Gates).SelectMany(g => g.Requirements).All(r => r.Outcome == RequirementOutcome.Met),
            AnswerKeysRead = input.KeysRead.Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>A relaxation naming no threshold of the edition would silently do nothing: say so.</summary>
    private static IEnumerable<ConsistencyWarning> SettingsWarnings(CriteriaEdition edition, AssessmentSettings settings)
    {
        foreach (var key in settings.Relaxations.Keys.Where(k => edition.Thresholds.All(t => t.Key != k)).Order(StringComparer.Ordinal))
        {
            yield return new("unknownRelaxation", $"放宽设置“{key}”不是{edition.Title}的指标，未予适用", []);
        }
    }
}
