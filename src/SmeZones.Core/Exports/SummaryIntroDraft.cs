using System.Globalization;
using System.Text;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>
/// A first draft of the 简介 for the 推荐汇总表, composed by the edition's own template (<see cref="IntroDraftTemplate"/>)
/// from the application's figures; the applicant edits it to at most 300 characters. A part whose answer is blank or
/// "无" is left out, so the draft never says "营业总收入亿元".
/// </summary>
public static class SummaryIntroDraft
{
    public const int MaxChars = 300;

    public static string Compose(FormDefinition definition, int roundYear, Application application, IReadOnlyDictionary<string, string> answers)
    {
        var template = definition.Declared().IntroDraft;
        var latest = FormTemplate.DataYears(definition, roundYear)[^1].ToString(CultureInfo.InvariantCulture);
        var title = string.IsNullOrWhiteSpace(application.Title) ? template.FallbackTitle : application.Title;
        string? A(string key) => answers.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && !FormText.IsNone(v) ? v.Trim() : null;
        var text = new StringBuilder();
        foreach (var part in template.Parts)
        {
            if (FormDefinitionChecker.AnswerPlaceholders(part).Any(key => A(key) is null))
            {
                continue;
            }
            var filled = FormDefinitionChecker.ReplaceAnswers(part, key => A(key)!);
            text.Append(filled.Replace("{title}", title, StringComparison.Ordinal).Replace("{latestYear}", latest, StringComparison.Ordinal));
        }
        var draft = text.ToString().TrimEnd('，');
        draft = draft.EndsWith('。') ? draft : draft + "。";
        return FormText.CountCharacters(draft) <= MaxChars ? draft : new string([.. draft.EnumerateRunes().Take(MaxChars).SelectMany(r => r.ToString())]);
    }
}
