using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SmeZones.Core.Forms;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Pages.Applications.Form;

/// <summary>
/// What the form renderer needs to draw any edition's fields: the definition, the round, the values
/// to show (saved, or as just posted), errors by answer key and the computed suggestions.
/// </summary>
/// <param name="suggestions">Already computed from these very values (the saved draft's, kept with it); else computed here.</param>
public sealed class FormView(FormDefinition definition, int roundYear, FormAnswers values, ModelStateDictionary errors, bool readOnly,
    FormAnswers? latest = null, IReadOnlyList<FormSuggestion>? suggestions = null)
{
    private readonly Dictionary<string, FormSuggestion> _suggestions =
        (suggestions ?? FormComputations.Suggest(definition, roundYear, values)).ToDictionary(s => s.Key);

    public FormDefinition Definition { get; } = definition;
    public int RoundYear { get; } = roundYear;
    public bool ReadOnly { get; } = readOnly;

    public string Value(string key) => values.Get(key) ?? "";

    public bool Ticked(string key) => values.IsTicked(key);

    public bool IsChosen(string key, string option) => values.Get(key) == option;

    /// <summary>After a conflicting save: what the other person saved, where it differs from what is on the page.</summary>
    public string? LatestWhereDifferent(string key) =>
        latest is null || (latest.Get(key) ?? "") == Value(key) ? null : latest.Get(key) ?? "（空）";

    public static string Id(string key) => FieldIds.For(key);

    public static string ErrorId(string key) => FieldIds.ErrorFor(key);

    public bool HasError(string key) => errors[key] is { Errors.Count: > 0 };

    public string Resolve(string? text) => text is null ? "" : FormTemplate.Resolve(text, RoundYear);

    public IReadOnlyList<YearColumn> Years(FormField field) => FormTemplate.YearColumns(Definition, field, RoundYear);

    public IReadOnlyList<YearColumn> TableYears(FormField field) => FormTemplate.YearColumns(field.Years ?? [], RoundYear);

    /// <summary>Suggestions computed for this field's keys, shown beside the officer's own figures.</summary>
    public IEnumerable<FormSuggestion> SuggestionsFor(FormField field) =>
        _suggestions.Values.Where(s => s.Key == field.Key || s.Key.StartsWith(field.Key + ".", StringComparison.Ordinal));

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Attributes that tie an input to its error message for screen readers.</summary>
    public string DescribedBy(string key) => HasError(key) ? ErrorId(key) : "";
}

/// <summary>Fields with the view they are drawn in; the model of the form renderer (<c>_Fields.cshtml</c>).</summary>
public sealed record FieldsModel(IReadOnlyList<FormField> Fields, FormView View);

/// <summary>One input of a field, as the form renderer draws it.</summary>
/// <param name="Context">Said to screen readers after the label where the printed label alone is ambiguous (two rows "联系人").</param>
public sealed record InputModel(string Key, string Label, string? Unit = null, int? MaxChars = null, bool Numeric = false, bool Multiline = false, bool HideLabel = false, string? Context = null);
