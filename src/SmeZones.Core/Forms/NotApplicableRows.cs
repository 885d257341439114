using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SmeZones.Core.Forms;

/// <summary>
/// "无" in an unused optional row means "not applicable" (ADR 0053). The 填报说明 tells officers to write 无 where nothing
/// applies, and they do so in the added "......" rows (新增指标) of the plan tables they do not need.
/// <list type="bullet">
/// <item>An <b>optional row</b> is a row the form does not require: a plan table's added rows
/// (<see cref="AnswerSlot.OptionalRow"/>). Printed rows and single answers are never optional rows.</item>
/// <item>An optional row is <b>unused</b> when every cell of it is blank or "无". Its "无" cells are then read as blank
/// by validation, progress and the assessment (so also the reviewer's inbox counts); the print shows them as typed.</item>
/// <item>A row with any other value is <b>used</b>: every cell is required, and "无" in one of its cells is an error.</item>
/// </list>
/// Every reader of answers that must agree on this goes through <see cref="Read"/>: one place, for every edition.
/// </summary>
public static class NotApplicableRows
{
    // The rows of a definition are fixed: group the cells once per definition instance and round.
    private static readonly ConditionalWeakTable<FormDefinition, ConcurrentDictionary<int, IReadOnlyList<IReadOnlyList<string>>>> Rows = [];

    /// <summary>
    /// The answers as the form reads them: the "无" cells of unused optional rows removed. The answers themselves are
    /// not changed (the print and the stored snapshot keep what was typed); when nothing is removed they are returned as is.
    /// </summary>
    public static FormAnswers Read(FormDefinition definition, int roundYear, FormAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var notApplicable = CellsOfUnusedRows(definition, roundYear, answers).Where(k => answers.Get(k) is not null).ToList();
        if (notApplicable.Count == 0)
        {
            return answers;
        }

        var read = new FormAnswers(answers.Values);
        foreach (var key in notApplicable)
        {
            read.Set(key, null);
        }

        return read;
    }

    /// <summary>True when the optional row of <paramref name="cellKeys"/> has nothing but blanks and "无".</summary>
    public static bool IsUnused(IEnumerable<string> cellKeys, FormAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return cellKeys.All(k => !answers.IsFilled(k) || FormText.IsNone(answers.Get(k)));
    }

    private static IEnumerable<string> CellsOfUnusedRows(FormDefinition definition, int roundYear, FormAnswers answers) =>
        RowsOf(definition, roundYear).Where(cells => IsUnused(cells, answers)).SelectMany(cells => cells);

    private static IReadOnlyList<IReadOnlyList<string>> RowsOf(FormDefinition definition, int roundYear) =>
        Rows.GetValue(definition, _ => new ConcurrentDictionary<int, IReadOnlyList<IReadOnlyList<string>>>())
            .GetOrAdd(roundYear, year => FormAnswerKeys.For(definition, year)
                .Where(s => s.OptionalRow is not null)
                .GroupBy(s => s.OptionalRow!, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)g.Select(s => s.Key).ToList())
                .ToList());
}
