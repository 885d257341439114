using System.Text.RegularExpressions;

namespace SmeZones.Core.Forms;

/// <summary>Structural checks of a definition, run when the catalogue loads so a bad edition never ships.</summary>
public static partial class FormDefinitionChecker
{
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*$")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"佐证材料\s*(?<n>\d+)")]
    private static partial Regex EvidenceNumber();

    /// <summary>Throws <see cref="FormDefinitionException"/> listing every problem found.</summary>
    public static void Check(FormDefinition definition)
    {
        var problems = Problems(definition);
        if (problems.Count > 0)
        {
            throw new FormDefinitionException(string.IsNullOrWhiteSpace(definition.Key) ? "(no key)" : definition.Key, problems);
        }
    }

    /// <summary>Every structural problem of a definition (empty when sound).</summary>
    public static IReadOnlyList<string> Problems(FormDefinition definition)
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Key) || string.IsNullOrWhiteSpace(definition.Title) || string.IsNullOrWhiteSpace(definition.Issuer))
        {
            p.Add("key, title and issuer are required");
        }

        if (definition.RoundYear is < 2000 or > 2100)
        {
            p.Add($"round year {definition.RoundYear} is not plausible");
        }

        CheckYears("dataYears", definition.DataYears, p);
        if (definition.Limits is { } limits
            && (limits.LineChars <= 0 || limits.TextChars <= 0 || limits.NumberMax <= 0 || limits.UnitMax.Values.Any(v => v <= 0)))
        {
            p.Add("limits must all be positive");
        }
        if (definition.Sections.Count == 0)
        {
            p.Add("the form has no sections");
        }

        foreach (var text in definition.Instructions.Append(definition.Title))
        {
            CheckTemplate("instructions", text, p);
        }

        var fieldKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in definition.Cover)
        {
            CheckField(field, fieldKeys, p, inGroup: false);
        }

        foreach (var section in definition.Sections)
        {
            if (!PartPattern().IsMatch(section.Key) || string.IsNullOrWhiteSpace(section.Title) || string.IsNullOrWhiteSpace(section.Number))
            {
                p.Add($"section '{section.Key}' needs an ASCII key, a number and a title");
            }

            if (section.Fields.Count == 0)
            {
                p.Add($"section '{section.Key}' has no fields");
            }

            foreach (var field in section.Fields)
            {
                CheckField(field, fieldKeys, p, inGroup: false);
            }
        }

        CheckDuplicates(FormAnswerKeys.For(definition, definition.RoundYear).Select(s => s.Key), "answer key", p);
        CheckDuplicates(definition.Sections.Select(s => s.Key).Append(FormAnswerKeys.CoverSection), "section key", p);
        CheckEvidence(definition, p);
        CheckComputations(definition, p);
        CheckDeclaration(definition, p);
        return p;
    }

    // An annual report has no round, criteria or 简介: it declares when it is due instead.
    private static void CheckAnnualReport(FormDefinition definition, List<string> p)
    {
        if (definition.Edition is not null || definition.Summary is not null)
        {
            p.Add("an annual report form declares no 'edition' or 'summary'");
        }
        if (definition.AnnualReport is not { } a)
        {
            p.Add("an annual report form needs 'annualReport' (dueMonth, dueDay, remindDaysBefore)");
            return;
        }
        if (a.DueMonth is < 1 or > 12 || a.DueDay < 1 || a.DueDay > DateTime.DaysInMonth(2001, a.DueMonth))
        {
            p.Add($"annualReport: {a.DueMonth}-{a.DueDay} is not a day of the year");
        }
        if (a.RemindDaysBefore.Any(d => d is < 1 or > 180) || a.RemindDaysBefore.Distinct().Count() != a.RemindDaysBefore.Count)
        {
            p.Add("annualReport.remindDaysBefore must be distinct numbers of days, 1–180");
        }
    }

    [GeneratedRegex(@"\{answer:(?<key>[^}]*)\}")]
    private static partial Regex AnswerPlaceholder();

    /// <summary>The answer keys an 简介 draft part names.</summary>
    public static IEnumerable<string> AnswerPlaceholders(string part) => AnswerPlaceholder().Matches(part).Select(m => m.Groups["key"].Value);

    /// <summary>Replaces each <c>{answer:key}</c> of a part.</summary>
    public static string ReplaceAnswers(string part, Func<string, string> value) => AnswerPlaceholder().Replace(part, m => value(m.Groups["key"].Value));

    private static readonly string[] SummarySources = ["rowNumber", "title", "province", "city", "county", "summaryPartners", "summaryIntro"];

    // Everything the portal reads by the declaration must exist in the form, so a typo fails at load, not in an export.
    private static void CheckDeclaration(FormDefinition definition, List<string> p)
    {
        if (definition.IsAnnualReport)
        {
            CheckAnnualReport(definition, p);
            return;
        }
        if (definition.AnnualReport is not null)
        {
            p.Add("only an annual report form declares 'annualReport'");
        }
        if (definition.Edition is not { } d)
        {
            p.Add("the edition declares no 'edition' (criteria, title answers, words, 简介 draft)");
            return;
        }
        var slots = FormAnswerKeys.For(definition, definition.RoundYear).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        if (!Assessment.CriteriaEditions.All.Any(e => e.Key == d.Criteria))
        {
            p.Add($"edition.criteria '{d.Criteria}' is not a criteria edition of the portal");
        }
        foreach (var key in d.TitleAnswers.Concat(d.OperatorAnswers ?? []).Where(k => !slots.Contains(k)))
        {
            p.Add($"edition: '{key}' is not an answer key of the form");
        }
        if (d.TitleAnswers.Count == 0)
        {
            p.Add("edition.titleAnswers is empty");
        }
        var w = d.Words;
        if (new[] { w.Programme, w.Unit, w.NumberPrefix, w.CertificateFormat }.Any(string.IsNullOrWhiteSpace) || w.ValidityYears is < 1 or > 20)
        {
            p.Add("edition.words needs the programme, unit, number prefix, certificate format and 1–20 validity years");
        }
        if (string.IsNullOrWhiteSpace(d.IntroDraft.FallbackTitle) || d.IntroDraft.Parts.Count == 0)
        {
            p.Add("edition.introDraft needs a fallback title and parts");
        }
        foreach (var key in d.IntroDraft.Parts.SelectMany(AnswerPlaceholders).Where(k => !slots.Contains(k)))
        {
            p.Add($"edition.introDraft: '{{answer:{key}}}' is not an answer key of the form");
        }
        foreach (var column in definition.Summary?.Columns ?? [])
        {
            var source = column.Source ?? "";
            var ok = SummarySources.Contains(source) || (source.StartsWith("answer:", StringComparison.Ordinal) && slots.Contains(source["answer:".Length..]));
            if (!ok)
            {
                p.Add($"summary column '{column.Key}': source '{column.Source}' is not one of {string.Join(", ", SummarySources)} or answer:KEY of the form");
            }
        }
    }

    private static void CheckField(FormField f, HashSet<string> keys, List<string> p, bool inGroup)
    {
        var at = $"field '{f.Key}'";
        if (!KeyPattern().IsMatch(f.Key))
        {
            p.Add($"{at}: key must be ASCII camelCase parts separated by dots");
        }

        if (!keys.Add(f.Key))
        {
            p.Add($"{at}: duplicate key");
        }

        if (string.IsNullOrWhiteSpace(f.Label) && !inGroup)
        {
            p.Add($"{at}: label is required");
        }

        foreach (var text in new[] { f.Label, f.LabelNote, f.Name, f.Hint, f.Text }.Concat(f.Guidance ?? []).Concat(f.Notes ?? []))
        {
            CheckTemplate(at, text, p);
        }

        if (f.MaxChars is <= 0)
        {
            p.Add($"{at}: maxChars must be positive");
        }

        if (f.Number is not null)
        {
            CheckNumber(at, f.Number, p);
        }

        if (f.Years is not null)
        {
            CheckYears(at, f.Years, p);
        }

        CheckShape(f, at, keys, p, inGroup);
    }

    private static void CheckShape(FormField f, string at, HashSet<string> keys, List<string> p, bool inGroup)
    {
        void Require(bool ok, string what)
        {
            if (!ok)
            {
                p.Add($"{at} ({f.Type}): {what}");
            }
        }

        switch (f.Type)
        {
            case FieldType.Text or FieldType.Opinion:
                break;
            case FieldType.LongText:
                Require(f.MaxChars is not null, "a long text needs maxChars (the printed 字 limit)");
                break;
            case FieldType.Number or FieldType.Yearly:
                Require(f.Number is not null, "needs number limits");
                break;
            case FieldType.YearGrid:
                Require(f.Columns is { Count: > 0 } && f.Columns.All(c => c.Number is not null), "needs columns, each with number limits");
                break;
            case FieldType.YesNo or FieldType.Choice:
                Require(f.EffectiveOptions().Count >= 2, "needs at least two options");
                CheckOptions(at, f.EffectiveOptions(), p);
                break;
            case FieldType.Checkboxes:
                Require(f.Options is { Count: > 0 }, "needs options");
                CheckOptions(at, f.Options ?? [], p);
                break;
            case FieldType.CountNames:
                Require(f.Unit is not null, "needs the unit of the count (个/家)");
                break;
            case FieldType.Table:
                Require(f.Rows is { Count: > 0 } && f.Columns is { Count: > 0 }, "needs rows and columns");
                Require(f.Number is not null || (f.Columns ?? []).All(c => c.Number is not null), "needs number limits for its cells");
                break;
            case FieldType.PlanTable:
                Require(f.Directions is { Count: > 0 } && f.Columns is { Count: > 0 }, "needs directions and columns");
                Require((f.Directions ?? []).All(d => d.ExtraRows is null or >= 0 and <= 10), "extraRows must be 0–10");
                Require(!string.IsNullOrWhiteSpace(f.IndicatorHeader) && !string.IsNullOrWhiteSpace(f.RowHeader), "needs the printed headers of the direction and indicator columns");
                foreach (var column in f.Columns ?? [])
                {
                    CheckTemplate(at, column.Label, p);
                }

                break;
            case FieldType.Group:
                Require(!inGroup, "groups cannot be nested");
                Require(f.Fields is { Count: > 0 }, "needs child fields");
                foreach (var child in f.Fields ?? [])
                {
                    CheckField(child, keys, p, inGroup: true);
                }

                break;
            case FieldType.Declaration:
                Require(!string.IsNullOrWhiteSpace(f.Text), "needs the statement text");
                break;
            default:
                p.Add($"{at}: unknown type {f.Type}");
                break;
        }

        foreach (var column in f.Columns ?? [])
        {
            if (!PartPattern().IsMatch(column.Key) || column.Number is not null && column.Number.Min > column.Number.Max)
            {
                p.Add($"{at}: column '{column.Key}' needs an ASCII key and sane limits");
            }
        }
    }

    private static void CheckOptions(string at, IReadOnlyList<FormOption> options, List<string> p)
    {
        foreach (var option in options)
        {
            if (!PartPattern().IsMatch(option.Key) || option.Key is "other" or "otherChecked" || string.IsNullOrWhiteSpace(option.Label))
            {
                p.Add($"{at}: option '{option.Key}' needs an ASCII key (not other/otherChecked) and a label");
            }
        }

        CheckDuplicates(options.Select(o => o.Key), $"{at}: option key", p);
    }

    private static void CheckNumber(string at, NumberSpec n, List<string> p)
    {
        if (n.Min > n.Max || n.Decimals is < 0 or > 4 || n.WholeNumber == true && n.Decimals is > 0)
        {
            p.Add($"{at}: number limits are not sane");
        }
    }

    private static void CheckYears(string at, IReadOnlyList<int> offsets, List<string> p)
    {
        if (offsets.Count == 0 || offsets.Zip(offsets.Skip(1)).Any(pair => pair.First >= pair.Second) || offsets.Any(o => o is < -10 or > 10))
        {
            p.Add($"{at}: years must be distinct ascending offsets within ±10 of the round year");
        }
    }

    private static void CheckTemplate(string at, string? text, List<string> p)
    {
        foreach (var unknown in FormTemplate.UnknownPlaceholders(text))
        {
            p.Add($"{at}: unknown placeholder {unknown}");
        }
    }

    private static void CheckDuplicates(IEnumerable<string> keys, string what, List<string> p)
    {
        foreach (var key in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            p.Add($"duplicate {what} '{key.Key}'");
        }
    }

    private static IEnumerable<FormField> AllFields(FormDefinition definition) =>
        definition.Cover.Concat(definition.Sections.SelectMany(s => s.Fields)).SelectMany(f => f.Fields is null ? [f] : f.Fields.Prepend(f));

    private static void CheckEvidence(FormDefinition definition, List<string> p)
    {
        var numbered = new List<int>();
        foreach (var field in AllFields(definition))
        {
            var printed = field.EvidenceNote is null ? [] : EvidenceNumber().Matches(field.EvidenceNote).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var declared = field.Evidence ?? [];
            if (!printed.SequenceEqual(declared))
            {
                p.Add($"field '{field.Key}': evidence numbers [{string.Join(",", declared)}] do not match its note '{field.EvidenceNote}'");
            }

            numbered.AddRange(declared);
        }

        if (definition.Edition?.NumberedEvidence is { } count)
        {
            if (!numbered.Order().SequenceEqual(Enumerable.Range(1, count)))
            {
                p.Add($"the edition declares 佐证材料 1–{count}, each asked once; found [{string.Join(",", numbered.Order())}]");
            }
        }
        else if (numbered.Count > 0)
        {
            p.Add("the form numbers 佐证材料 but the edition does not declare edition.numberedEvidence");
        }
    }

    private static void CheckComputations(FormDefinition definition, List<string> p)
    {
        var slots = FormAnswerKeys.For(definition, definition.RoundYear).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        bool IsYearly(string? stem) => stem is not null && FormComputations.YearlyField(definition, stem) is not null;
        foreach (var rule in definition.Computations ?? [])
        {
            var ok = rule.Kind switch
            {
                ComputationKind.AverageOfRates or ComputationKind.ReductionRate => IsYearly(rule.Source),
                ComputationKind.GrowthOfValues => IsYearly(rule.Source) && (rule.ShareOf is null || IsYearly(rule.ShareOf)),
                _ => rule.Numerator is not null && rule.Denominator is not null && slots.Contains(rule.Numerator) && slots.Contains(rule.Denominator),
            };
            CheckTemplate($"computation '{rule.Target}'", rule.Label, p);
            if (!ok || !KeyPattern().IsMatch(rule.Target))
            {
                p.Add($"computation '{rule.Target}' ({rule.Kind}) refers to fields the form does not have");
            }
        }
    }
}
