using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FluentValidation;

namespace SmeZones.Core.Forms;

/// <summary>Draft checks only what is filled; Submit also requires everything the form requires.</summary>
public enum ValidationMode
{
    Draft,
    Submit,
}

/// <summary>The outcome of validating a form's answers; each error's key is the answer key the page shows it next to.</summary>
public sealed record FormValidationResult(IReadOnlyList<OperationError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<OperationError> For(string key) => Errors.Where(e => e.Key == key);
}

/// <summary>Entry point: validates answers against the definition they were filled in with.</summary>
public static class FormValidation
{
    // A validator holds no state of the answers it checks, so one per definition, round, mode and section serves all.
    private static readonly ConditionalWeakTable<FormDefinition, ConcurrentDictionary<(int, ValidationMode, string?), FormAnswersValidator>> Validators = [];

    /// <summary>Validates the whole form, or one section when <paramref name="sectionKey"/> is given ("cover" for the cover).</summary>
    public static FormValidationResult Validate(FormDefinition definition, int roundYear, FormAnswers answers, ValidationMode mode, string? sectionKey = null)
    {
        var validator = Validators.GetValue(definition, _ => new ConcurrentDictionary<(int, ValidationMode, string?), FormAnswersValidator>())
            .GetOrAdd((roundYear, mode, sectionKey), key => new FormAnswersValidator(definition, key.Item1, key.Item2, key.Item3));
        // "无" in an unused added row is "not applicable", i.e. blank (NotApplicableRows): validated as such.
        var result = validator.Validate(NotApplicableRows.Read(definition, roundYear, answers));
        return new FormValidationResult(result.Errors.Select(e => new OperationError(e.PropertyName, e.ErrorMessage)).ToList());
    }
}

/// <summary>
/// A FluentValidation validator built from a definition: one rule per answer slot, named after the
/// answer key so each failure's PropertyName is the key.
/// </summary>
public sealed class FormAnswersValidator : AbstractValidator<FormAnswers>
{
    public FormAnswersValidator(FormDefinition definition, int roundYear, ValidationMode mode, string? sectionKey = null)
    {
        var slots = FormAnswerKeys.For(definition, roundYear).Where(s => sectionKey is null || s.SectionKey == sectionKey).ToList();
        if (sectionKey is not null && slots.Count == 0 && definition.Sections.All(s => s.Key != sectionKey))
        {
            throw new ArgumentException($"Form edition '{definition.Key}' has no section '{sectionKey}'.", nameof(sectionKey));
        }

        foreach (var slot in slots)
        {
            // The rule validates the whole answer map (cross-answer rules need it) and names the failure after the slot's key.
            RuleFor(answers => answers)
                .Custom((answers, context) =>
                {
                    var message = AnswerRules.Check(slot, answers.Get(slot.Key), answers, mode);
                    if (message is not null)
                    {
                        context.AddFailure(slot.Key, message);
                    }
                });
        }
    }
}
