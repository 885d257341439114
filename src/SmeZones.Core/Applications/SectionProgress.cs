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

public sealed record SectionProgress(string Key, string Heading, SectionState State, int MissingCount, int AnsweredCount = 1, int ErrorCount = 0)
{
    /// <summary>A section that requires nothing (only optional lists) and is still empty: neither done nor wanting.</summary>
    public bool IsUntouchedOptional => State == SectionState.Done && AnsweredCount == 0;

    /// <summary>What is left, never a bare number: "还差 7 项", not "未完成（7 项）" (7 left, or 7 in all?).</summary>
    public string StateText => State switch
    {
        _ when IsUntouchedOptional => "选填，未填写",
        SectionState.Done => "已完成",
        SectionState.HasErrors => ErrorCount > 0 ? $"{ErrorCount} 处有误" : "有错误",
        _ => $"还差 {MissingCount} 项",
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
        var read = NotApplicableRows.Read(definition, roundYear, answers);
        var sectionOf = slots.ToDictionary(s => s.Key, s => s.SectionKey);
        var answered = slots.Where(s => read.IsFilled(s.Key)).GroupBy(s => s.SectionKey).ToDictionary(g => g.Key, g => g.Count());
        var invalid = CountBySection(FormValidation.Validate(definition, roundYear, answers, ValidationMode.Draft), sectionOf);
        var unfinished = CountBySection(FormValidation.Validate(definition, roundYear, answers, ValidationMode.Submit), sectionOf);
        return Headings(definition).Select(h =>
        {
            var errors = invalid.GetValueOrDefault(h.Key);
            var missing = unfinished.GetValueOrDefault(h.Key) - errors;
            var state = errors > 0 ? SectionState.HasErrors : missing > 0 ? SectionState.NotDone : SectionState.Done;
            return new SectionProgress(h.Key, h.Heading, state, missing, answered.GetValueOrDefault(h.Key), errors);
        }).ToList();
    }

    private static Dictionary<string, int> CountBySection(FormValidationResult result, Dictionary<string, string> sectionOf) =>
        result.Errors.GroupBy(e => sectionOf.GetValueOrDefault(e.Key, "")).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The sections' headings in printed order (<see cref="FormLabels.Headings"/>).</summary>
    public static IReadOnlyList<(string Key, string Heading)> Headings(FormDefinition definition) => FormLabels.Headings(definition);
}
