namespace SmeZones.Core.Forms;

/// <summary>An answer as a person reads it: the option's label rather than its key, a tick rather than "true".</summary>
public static class AnswerDisplay
{
    public static string Text(AnswerSlot slot, FormAnswers answers)
    {
        var raw = answers.Get(slot.Key);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }
        return slot.Kind switch
        {
            SlotKind.Flag => answers.IsTicked(slot.Key) ? "☑" : "",
            SlotKind.Choice => slot.Options?.FirstOrDefault(o => o.Key == raw)?.Label ?? raw,
            SlotKind.Number when slot.Unit is not null => $"{raw} {slot.Unit}",
            _ => raw,
        };
    }
}
