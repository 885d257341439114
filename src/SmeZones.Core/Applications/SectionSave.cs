using System.Text.RegularExpressions;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>The outcome of saving one section: what was stored, and what was refused with why.</summary>
public sealed record SectionSaveResult(IReadOnlyList<string> ChangedKeys, IReadOnlyList<OperationError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>
/// Applies what an officer posted for one section of a draft. Valid answers are stored even when others in the
/// same post are not, so no keystroke that can be kept is lost; refused values keep their last saved answer.
/// </summary>
public static partial class SectionSave
{
    /// <summary>Said whenever a save or import loses the race with another save of the same draft.</summary>
    public const string ConflictMessage = "保存未成功：在您编辑期间，其他人已保存了本申报。";

    /// <param name="sectionKey">The section posted, or null for the whole form (an import).</param>
    public static SectionSaveResult Apply(
        PortalDbContext db, Application application, FormDefinition definition, int roundYear, string? sectionKey,
        IReadOnlyDictionary<string, string?> posted, Actor actor, DateTimeOffset now)
    {
        if (!application.IsEditableByApplicant)
        {
            throw new InvalidOperationException($"Application {application.Number} is not editable.");
        }

        var (answers, changes, errors) = Merge(application.Answers, definition, roundYear, sectionKey, posted);
        if (changes.Count > 0)
        {
            // A new dictionary instance so EF sees the jsonb column as changed.
            application.Answers = answers;
            application.Title = ApplicationTitle.From(definition, application.Answers) ?? application.Title;
            application.UpdatedAt = now;
            db.Record(actor, "AnswersSaved", nameof(Application), application.Id.ToString(), AuditSummary(sectionKey, changes.Count), changes);
        }
        return new SectionSaveResult(changes.Keys.ToList(), errors);
    }

    // The stored summary keeps the section's key (stable across wording changes of the form); ReadableSummary gives
    // the heading when the trail is shown. Both sides of that format live here.
    private const string WholeForm = "全部";

    private static string AuditSummary(string? sectionKey, int count) => $"保存 {sectionKey ?? WholeForm}：{count} 项";

    [GeneratedRegex(@"^保存 (?<section>[^\s：]+)：(?<count>\d+) 项$")]
    private static partial Regex SavedSummary();

    /// <summary>
    /// A save's stored summary with the section's heading for its key ("保存 cover：8 项" → "保存 封面：8 项"); an import
    /// (the whole form) reads "保存 全部（导入）". Anything else, or a key the edition no longer has, is left as recorded.
    /// </summary>
    public static string? ReadableSummary(string? summary, FormLabels labels)
    {
        var match = SavedSummary().Match(summary ?? "");
        if (!match.Success)
        {
            return summary;
        }
        var key = match.Groups["section"].Value;
        var heading = key == WholeForm ? $"{WholeForm}（导入）" : labels.Section(key);
        return heading is null ? summary : $"保存 {heading}：{match.Groups["count"].Value} 项";
    }

    /// <summary>
    /// The saved answers with the posted ones of the section laid over them, keeping every valid one and the last saved
    /// value of each refused one; with the changes (key → before/after) and the refusals. Any form kind saves this way.
    /// </summary>
    public static (Dictionary<string, string> Answers, Dictionary<string, object?> Changes, IReadOnlyList<OperationError> Errors) Merge(
        IReadOnlyDictionary<string, string> saved, FormDefinition definition, int roundYear, string? sectionKey, IReadOnlyDictionary<string, string?> posted)
    {
        var (slots, proposed) = Propose(saved, definition, roundYear, sectionKey, posted);
        var errors = FormValidation.Validate(definition, roundYear, proposed, ValidationMode.Draft, sectionKey).Errors;
        var refused = errors.Select(e => e.Key).ToHashSet();
        var answers = new Dictionary<string, string>(saved);
        var changes = new Dictionary<string, object?>();
        foreach (var slot in slots.Where(s => !refused.Contains(s.Key)))
        {
            var before = saved.GetValueOrDefault(slot.Key);
            var after = proposed.Get(slot.Key);
            if (before != after)
            {
                changes[slot.Key] = new { before, after };
                if (after is null)
                {
                    answers.Remove(slot.Key);
                }
                else
                {
                    answers[slot.Key] = after;
                }
            }
        }
        return (answers, changes, errors);
    }

    /// <summary>
    /// What <see cref="Apply"/> would refuse in this post, without changing anything: the edition's rules (the forms
    /// engine) applied to the saved answers with the section's posted ones laid over them. The page's validator asks it.
    /// </summary>
    public static IReadOnlyList<OperationError> Check(
        Application application, FormDefinition definition, int roundYear, string? sectionKey, IReadOnlyDictionary<string, string?> posted) =>
        Check(application.Answers, definition, roundYear, sectionKey, posted);

    /// <summary>The same for any form's saved answers.</summary>
    public static IReadOnlyList<OperationError> Check(
        IReadOnlyDictionary<string, string> saved, FormDefinition definition, int roundYear, string? sectionKey, IReadOnlyDictionary<string, string?> posted) =>
        FormValidation.Validate(definition, roundYear, Propose(saved, definition, roundYear, sectionKey, posted).Proposed, ValidationMode.Draft, sectionKey).Errors;

    private static (List<AnswerSlot> Slots, FormAnswers Proposed) Propose(
        IReadOnlyDictionary<string, string> saved, FormDefinition definition, int roundYear, string? sectionKey, IReadOnlyDictionary<string, string?> posted)
    {
        var slots = FormAnswerKeys.For(definition, roundYear)
            .Where(s => (sectionKey is null || s.SectionKey == sectionKey) && s.FilledBy == FieldFiller.Applicant).ToList();
        var proposed = new FormAnswers(saved);
        foreach (var slot in slots)
        {
            // Only keys of this section are read: anything else in the post is ignored, whatever it claims to be.
            proposed.Set(slot.Key, Normalise(slot, posted.GetValueOrDefault(slot.Key)));
        }
        return (slots, proposed);
    }

    /// <summary>Blank inputs are "not answered"; checkboxes are "true" or absent; line endings are made uniform; numbers are ASCII.</summary>
    private static string? Normalise(AnswerSlot slot, string? raw)
    {
        if (slot.Kind == SlotKind.Flag)
        {
            return string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase) ? "true" : null;
        }
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        return slot.Kind switch
        {
            // Stored and printed as ASCII (１２３．４５ → 123.45): officers type on Chinese IMEs, readers and sums expect digits.
            SlotKind.Number => FormText.NormaliseDigits(text),
            SlotKind.LongText => text.TrimEnd(),
            _ => text.Trim(),
        };
    }
}

/// <summary>The name an application is listed under (合作区名称 / 集群名称): the first filled of the edition's title answers.</summary>
public static class ApplicationTitle
{
    public static string? From(FormDefinition definition, IReadOnlyDictionary<string, string> answers) =>
        FirstFilled(definition.Declared().TitleAnswers, answers);

    /// <summary>The first of these answers that is filled, cut to 200 characters; null when none is.</summary>
    public static string? FirstFilled(IEnumerable<string> keys, IReadOnlyDictionary<string, string> answers)
    {
        var value = keys.Select(answers.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return value is null ? null : value.Length > 200 ? value[..200] : value;
    }
}
