using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SmeZones.Core.Forms;

/// <summary>Enumerates the answer keys a definition expects (see <see cref="FormAnswers"/> for the convention).</summary>
public static class FormAnswerKeys
{
    /// <summary>The section key used for the cover page's answers.</summary>
    public const string CoverSection = "cover";

    // Definitions are immutable, and every page, validation and progress list asks for the same slots: build them once
    // per definition instance and round. Weak keys let snapshot copies of definitions be collected.
    private static readonly ConditionalWeakTable<FormDefinition, ConcurrentDictionary<int, IReadOnlyList<AnswerSlot>>> Cache = [];

    /// <summary>Every answer slot of the form, cover first, in printed order.</summary>
    public static IReadOnlyList<AnswerSlot> For(FormDefinition definition, int roundYear) =>
        Cache.GetValue(definition, _ => new ConcurrentDictionary<int, IReadOnlyList<AnswerSlot>>())
            .GetOrAdd(roundYear, year => Build(definition, year));

    /// <summary>Read-only, since the same list is handed to every caller.</summary>
    private static System.Collections.ObjectModel.ReadOnlyCollection<AnswerSlot> Build(FormDefinition definition, int roundYear)
    {
        var slots = new List<AnswerSlot>();
        foreach (var field in definition.Cover)
        {
            slots.AddRange(ForField(definition, field, CoverSection, roundYear));
        }

        foreach (var section in definition.Sections)
        {
            slots.AddRange(ForSection(definition, section, roundYear));
        }

        return slots.AsReadOnly();
    }

    /// <summary>The answer slots of one section.</summary>
    public static IReadOnlyList<AnswerSlot> ForSection(FormDefinition definition, FormSection section, int roundYear) =>
        section.Fields.SelectMany(f => ForField(definition, f, section.Key, roundYear)).ToList();

    /// <summary>The answer slots of one field (a group yields its children's).</summary>
    public static IEnumerable<AnswerSlot> ForField(FormDefinition definition, FormField field, string sectionKey, int roundYear)
    {
        var limits = definition.Limits ?? AnswerLimits.Default;
        return Unlimited(definition, field, sectionKey, roundYear).Select(limits.Apply);
    }

    private static IEnumerable<AnswerSlot> Unlimited(FormDefinition definition, FormField field, string sectionKey, int roundYear)
    {
        var builder = new SlotBuilder(field, sectionKey, roundYear);
        return field.Type switch
        {
            FieldType.Text => [builder.Slot(field.Key, SlotKind.Text, builder.Name)],
            FieldType.LongText => [builder.Slot(field.Key, SlotKind.LongText, builder.Name)],
            FieldType.Number => [builder.Slot(field.Key, SlotKind.Number, builder.Name)],
            FieldType.YesNo or FieldType.Choice => [builder.Slot(field.Key, SlotKind.Choice, builder.Name) with { Options = field.EffectiveOptions() }],
            FieldType.Yearly => FormTemplate.YearColumns(definition, field, roundYear).Select(y =>
                builder.Slot($"{field.Key}.{y.Suffix}", SlotKind.Number, $"{builder.Name}（{y.Label}）") with { Year = y.Year }),
            FieldType.YearGrid => YearGrid(definition, field, builder, roundYear),
            FieldType.Checkboxes => Checkboxes(field, builder),
            FieldType.CountNames => CountNames(field, builder),
            FieldType.Table => Table(field, builder, roundYear),
            FieldType.PlanTable => PlanTable(field, builder),
            FieldType.Group => field.Fields!.SelectMany(child => ForField(definition, child, sectionKey, roundYear)),
            FieldType.Declaration => [builder.Slot($"{field.Key}.agreed", SlotKind.Flag, $"{builder.Name}（确认）")],
            FieldType.Opinion => [builder.Slot(field.Key, SlotKind.LongText, builder.Name)],
            _ => throw new InvalidOperationException($"Unknown field type {field.Type} of '{field.Key}'."),
        };
    }

    private static IEnumerable<AnswerSlot> YearGrid(FormDefinition definition, FormField field, SlotBuilder builder, int roundYear)
    {
        foreach (var year in FormTemplate.YearColumns(definition, field, roundYear))
        {
            foreach (var column in field.Columns!)
            {
                yield return builder.Slot($"{field.Key}.{column.Key}.{year.Suffix}", SlotKind.Number, $"{column.Label}（{year.Label}）") with
                {
                    Year = year.Year,
                    Number = column.Number,
                    Unit = column.Unit,
                };
            }
        }
    }

    private static IEnumerable<AnswerSlot> Checkboxes(FormField field, SlotBuilder builder)
    {
        foreach (var option in field.Options!)
        {
            yield return builder.Slot($"{field.Key}.{option.Key}", SlotKind.Flag, $"{builder.Name}：{option.Label}") with { RequiredWhen = RequiredWhen.Never };
        }

        if (field.OtherLabel is not null)
        {
            var ticked = $"{field.Key}.otherChecked";
            yield return builder.Slot(ticked, SlotKind.Flag, $"{builder.Name}：{field.OtherLabel}") with { RequiredWhen = RequiredWhen.Never };
            yield return builder.Slot($"{field.Key}.other", SlotKind.Text, $"{builder.Name}：“{field.OtherLabel}”的具体内容") with
            {
                RequiredWhen = RequiredWhen.Ticked,
                DependsOn = [ticked],
            };
        }
    }

    private static IEnumerable<AnswerSlot> CountNames(FormField field, SlotBuilder builder)
    {
        var count = $"{field.Key}.count";
        yield return builder.Slot(count, SlotKind.Number, $"{builder.Name}（数量）") with
        {
            Number = field.Number ?? new NumberSpec { Min = 0, WholeNumber = true },
        };
        yield return builder.Slot($"{field.Key}.names", SlotKind.LongText, $"{builder.Name}（名称）") with
        {
            RequiredWhen = builder.Required ? RequiredWhen.PositiveCount : RequiredWhen.Never,
            DependsOn = [count],
            Unit = null,
            Number = null,
        };
    }

    private static IEnumerable<AnswerSlot> Table(FormField field, SlotBuilder builder, int roundYear)
    {
        // A table is per year only when it names its years (the standards table of form 003).
        var years = FormTemplate.YearColumns(field.Years ?? [], roundYear);
        foreach (var year in years.Count == 0 ? [null] : years.Cast<YearColumn?>())
        {
            foreach (var row in field.Rows!)
            {
                foreach (var column in field.Columns!)
                {
                    var key = year is null ? $"{field.Key}.{row.Key}.{column.Key}" : $"{field.Key}.{row.Key}.{column.Key}.{year.Suffix}";
                    var when = year is null ? string.Empty : "，" + year.Label;
                    yield return builder.Slot(key, column.Number is null && field.Number is null ? SlotKind.Text : SlotKind.Number, $"{builder.Name}（{row.Label}，{column.Label}{when}）") with
                    {
                        Year = year?.Year,
                        Number = column.Number ?? field.Number,
                        Unit = column.Unit ?? field.Unit,
                    };
                }
            }
        }
    }

    private static IEnumerable<AnswerSlot> PlanTable(FormField field, SlotBuilder builder)
    {
        foreach (var direction in field.Directions!)
        {
            foreach (var row in direction.Rows)
            {
                foreach (var column in field.Columns!)
                {
                    yield return PlanCell(field, builder, direction, row.Key, row.Label, column) with { MaxChars = column.MaxChars };
                }
            }

            for (var n = 1; n <= (direction.ExtraRows ?? 0); n++)
            {
                var rowKey = $"{direction.Key}Extra{n}";
                var cells = field.Columns!.Select(c => c.Key).Prepend("indicator").Select(c => $"{field.Key}.{rowKey}.{c}").ToList();
                var rowLabel = $"新增指标{n}";
                var optionalRow = $"{field.Key}.{rowKey}";
                yield return builder.Slot(cells[0], SlotKind.Text, $"{builder.Name}（{direction.Label}，{rowLabel}，指标）") with
                {
                    RequiredWhen = RequiredWhen.RowStarted,
                    DependsOn = cells.Where(c => c != cells[0]).ToList(),
                    OptionalRow = optionalRow,
                };
                foreach (var column in field.Columns!)
                {
                    var key = $"{field.Key}.{rowKey}.{column.Key}";
                    yield return PlanCell(field, builder, direction, rowKey, rowLabel, column) with
                    {
                        RequiredWhen = RequiredWhen.RowStarted,
                        DependsOn = cells.Where(c => c != key).ToList(),
                        OptionalRow = optionalRow,
                    };
                }
            }
        }
    }

    private static AnswerSlot PlanCell(FormField field, SlotBuilder builder, PlanDirection direction, string rowKey, string rowLabel, TableColumn column) =>
        builder.Slot($"{field.Key}.{rowKey}.{column.Key}", SlotKind.Text, $"{builder.Name}（{direction.Label}，{rowLabel}，{builder.Resolve(column.Label)}）") with
        {
            MaxChars = column.MaxChars,
        };

    /// <summary>Builds slots with the field's common settings.</summary>
    private sealed class SlotBuilder(FormField field, string sectionKey, int roundYear)
    {
        public bool Required { get; } = field.Optional != true && (field.FilledBy ?? FieldFiller.Applicant) == FieldFiller.Applicant;

        public string Name { get; } = FormTemplate.Resolve(field.DisplayName, roundYear);

        public string Resolve(string text) => FormTemplate.Resolve(text, roundYear);

        public AnswerSlot Slot(string key, SlotKind kind, string label) => new()
        {
            Key = key,
            FieldKey = field.Key,
            SectionKey = sectionKey,
            Kind = kind,
            Label = label,
            RequiredWhen = Required ? RequiredWhen.Always : RequiredWhen.Never,
            FilledBy = field.FilledBy ?? FieldFiller.Applicant,
            Number = kind == SlotKind.Number ? field.Number : null,
            Unit = field.Unit,
            MaxChars = kind is SlotKind.Text or SlotKind.LongText ? field.MaxChars : null,
        };
    }
}
