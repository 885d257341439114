using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>
/// How far an application is from submittable, for the overview's progress bar: the form's sections, the evidence the
/// answers call for, and the 推荐汇总表 lines, the same three things the check page checks.
/// </summary>
public sealed record ApplicationProgress(int SectionsDone, int Sections, int EvidenceUploaded, int EvidenceNeeded, int SummaryDone, int SummaryLines)
{
    public int Done => SectionsDone + EvidenceUploaded + SummaryDone;

    public int Total => Sections + EvidenceNeeded + SummaryLines;

    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Done / Total);

    public static ApplicationProgress For(
        FormDefinition definition, Application application, IReadOnlyList<SectionProgress> sections, IEnumerable<string> slotKeysWithFiles)
    {
        var slots = EvidenceSlots.For(definition, application.Campaign!.Year);
        var missing = EvidenceSlots.Missing(slots, application.Answers, slotKeysWithFiles).Count;
        var needed = slots.Count(s => s.IsRequiredBy(application.Answers));
        var summaryLines = definition.Summary is null ? 0
            : definition.Summary.Columns.Any(c => c.Key == "partnerCountries") ? 2 : 1;
        var summaryLeft = ApplicationSubmission.SummaryErrors(definition, application).Count;
        return new ApplicationProgress(
            sections.Count(s => s.State == SectionState.Done), sections.Count, needed - missing, needed, summaryLines - summaryLeft, summaryLines);
    }
}
