using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

public enum SectionState
{
    /// <summary>Everything the form requires is answered and valid.</summary>
    Done,

    /// <summary>Some required answers are still blank.</summary>
    NotDone,

    /// <summary>Some answers are invalid (e.g. imported values).</summary>
    HasErrors,
}

public sealed record SectionProgress(string Key, string Heading, SectionState State, int MissingCount, int AnsweredCount = 1)
{
    public string StateText => State switch
    {
        // A section that requires nothing (only checkbox lists) is complete when empty, but say it is empty.
        SectionState.Done when AnsweredCount == 0 => "已完成（未填写任何项）",
        SectionState.Done => "已完成",
        SectionState.HasErrors => "有错误",
        _ => $"未完成（{MissingCount} 项）",
    };
}

/// <summary>How far each part of the form is filled in, for the section list and the check page.</summary>
public static class SectionProgressReport
{
    /// <summary>The cover first, then the sections in printed order.</summary>
    public static IReadOnlyList<SectionProgress> For(FormDefinition definition, int roundYear, FormAnswers answers)
    {
        // Two validations of the whole form, grouped by section: this list is drawn on every editor page.
        var slots = FormAnswerKeys.For(definition, roundYear);
        var sectionOf = slots.ToDictionary(s => s.Key, s => s.SectionKey);
        var answered = slots.Where(s => answers.IsFilled(s.Key)).GroupBy(s => s.SectionKey).ToDictionary(g => g.Key, g => g.Count());
        var invalid = CountBySection(FormValidation.Validate(definition, roundYear, answers, ValidationMode.Draft), sectionOf);
        var unfinished = CountBySection(FormValidation.Validate(definition, roundYear, answers, ValidationMode.Submit), sectionOf);
        return Headings(definition).Select(h =>
        {
            var errors = invalid.GetValueOrDefault(h.Key);
            var missing = unfinished.GetValueOrDefault(h.Key) - errors;
            var state = errors > 0 ? SectionState.HasErrors : missing > 0 ? SectionState.NotDone : SectionState.Done;
            return new SectionProgress(h.Key, h.Heading, state, missing, answered.GetValueOrDefault(h.Key));
        }).ToList();
    }

    private static Dictionary<string, int> CountBySection(FormValidationResult result, Dictionary<string, string> sectionOf) =>
        result.Errors.GroupBy(e => sectionOf.GetValueOrDefault(e.Key, "")).ToDictionary(g => g.Key, g => g.Count());

    public static IReadOnlyList<(string Key, string Heading)> Headings(FormDefinition definition) =>
        [(FormAnswerKeys.CoverSection, "封面"), .. definition.Sections.Select(s => (s.Key, $"{s.Number}、{s.Title}"))];
}
