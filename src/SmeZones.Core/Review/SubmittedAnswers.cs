using SmeZones.Core.Applications;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Review;

/// <summary>One answer as the reviewer reads it: the form's label for the round and the answer's words.</summary>
public sealed record AnswerLine(string Key, string Label, string Text);

/// <summary>The submitted answers of one section of the form (the cover counts as one).</summary>
public sealed record AnsweredSection(string Key, string Heading, IReadOnlyList<AnswerLine> Answers);

/// <summary>A submission's answers laid out for reading, section by section.</summary>
public static class SubmittedAnswers
{
    /// <summary>Text shown for a required answer left blank (a submission checked on the server has none, but an old one might).</summary>
    public const string Blank = "（未填写）";

    /// <summary>
    /// The answers section by section in printed order, with the form's labels. Unticked boxes and optional blanks are
    /// left out (a form's plan table alone has dozens); a required answer that is blank is listed as such.
    /// </summary>
    public static IReadOnlyList<AnsweredSection> BySection(FormDefinition definition, int roundYear, FormAnswers answers)
    {
        var slots = FormAnswerKeys.For(definition, roundYear).ToLookup(s => s.SectionKey, StringComparer.Ordinal);
        return SectionProgressReport.Headings(definition).Select(h => new AnsweredSection(h.Key, h.Heading, slots[h.Key]
            .Select(slot => (Slot: slot, Text: AnswerDisplay.Text(slot, answers)))
            .Where(a => a.Text.Length > 0 || (a.Slot.Kind != SlotKind.Flag && a.Slot.RequiredWhen == RequiredWhen.Always && a.Slot.FilledBy == FieldFiller.Applicant))
            .Select(a => new AnswerLine(a.Slot.Key, a.Slot.Label, a.Text.Length > 0 ? a.Text : Blank))
            .ToList())).ToList();
    }
}
