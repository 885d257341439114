using System.Globalization;

namespace SmeZones.Core.Forms;

/// <summary>
/// Every text a definition prints, resolved for a round: titles, labels, notes, options, guidance,
/// statements. Used to prove fidelity against the official forms, and by renderers' tests to check
/// that a page shows the form word for word (compare with <see cref="FormText.NormaliseForComparison"/>).
/// </summary>
public static class FormPrintedText
{
    public static IEnumerable<string> Enumerate(FormDefinition definition, int roundYear)
    {
        IEnumerable<string?> Raw()
        {
            yield return definition.Annex;
            yield return definition.Title;
            yield return definition.Issuer;
            yield return "填报说明";
            foreach (var item in definition.Instructions)
            {
                yield return item;
            }

            foreach (var text in definition.Cover.SelectMany(FieldTexts))
            {
                yield return text;
            }

            var dataYears = FormTemplate.DataYears(definition, roundYear).Select(y => y.ToString(CultureInfo.InvariantCulture) + "年").ToList();
            foreach (var section in definition.Sections)
            {
                yield return $"{section.Number}、{section.Title}";
                yield return section.Note;
                if (section.YearHeader == true)
                {
                    yield return "年度";
                }

                foreach (var text in section.Fields.SelectMany(FieldTexts).Concat(dataYears))
                {
                    yield return text;
                }
            }

            foreach (var text in SummaryTexts(definition.Summary))
            {
                yield return text;
            }
        }

        return Raw().OfType<string>().Where(t => t.Length > 0).Select(t => FormTemplate.Resolve(t, roundYear));
    }

    private static IEnumerable<string?> FieldTexts(FormField f)
    {
        // A label and its note are often printed as one line, so both forms are offered.
        string?[] own = [f.Label, f.LabelNote, f.LabelNote is null ? null : f.Label + f.LabelNote, f.Unit, f.Hint, f.Prefix, f.Suffix, f.OptionsIntro, f.OtherLabel, f.EvidenceNote, f.RowHeader, f.IndicatorHeader, f.Text];
        var options = f.EffectiveOptions().Select(o => o.Label);
        var rows = (f.Rows ?? []).Select(r => r.Label);
        var columns = (f.Columns ?? []).SelectMany(c => new[] { c.Label, c.Hint });
        var plan = (f.Directions ?? []).SelectMany(d => d.Rows.Select(r => r.Label).Prepend(d.Label));
        var countNames = f.Type == FieldType.CountNames ? ["数量：", "名称：", f.Unit] : Array.Empty<string?>();
        return own.Concat(options).Concat(rows).Concat(columns).Concat(plan).Concat(countNames)
            .Concat(f.Notes ?? []).Concat(f.Guidance ?? []).Concat(f.SignatureLines ?? [])
            .Concat((f.Fields ?? []).SelectMany(FieldTexts));
    }

    private static IEnumerable<string?> SummaryTexts(RecommendationSummary? summary) =>
        summary is null
            ? []
            : summary.HeaderLines.Concat(summary.Columns.SelectMany(c => new[] { c.Label, c.Hint })).Prepend(summary.Title).Prepend(summary.Annex);
}
