using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Registry;

/// <summary>One target of the original plan: direction, indicator, the baseline and target values as submitted.</summary>
public sealed record PlanTarget(string Direction, string RowKey, string Indicator, string? Baseline, string? Target);

/// <summary>What a re-review application starts from: the original plan's targets and its plan text, as submitted.</summary>
public sealed record ReReviewStart(string ApplicationNumber, int SubmissionSequence, IReadOnlyList<PlanTarget> Targets, string? PlanText);

/// <summary>
/// The prefill for a re-review (复核, 第九条): read from the original application's last submission snapshot, never
/// from the live answers, so it is exactly what was certified. The plan table is found by its shape in the snapshot's
/// own form definition (a plan table with a target column and no achieved column), so no edition key is named here;
/// forms whose plan is free text (the zone forms) give that text instead.
/// </summary>
public static class ReReviewPrefill
{
    public const string TargetColumn = "target";
    public const string BaselineColumn = "baseline";
    public const string AchievedColumn = "achieved";

    /// <summary>Null when the entry was imported (no application in the portal) or its application was never submitted.</summary>
    public static async Task<ReReviewStart?> ForAsync(PortalDbContext db, Guid entryId, CancellationToken ct = default)
    {
        var applicationId = await db.RegistryEntries.Where(e => e.Id == entryId).Select(e => e.ApplicationId).SingleOrDefaultAsync(ct);
        if (applicationId is null)
        {
            return null;
        }
        var submission = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == applicationId)
            .OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct);
        if (submission is null)
        {
            return null;
        }
        var snapshot = SubmissionSnapshot.Parse(submission.CanonicalJson);
        return new ReReviewStart(snapshot.ApplicationNumber, snapshot.Sequence, Targets(snapshot.Definition, snapshot.Answers), PlanText(snapshot.Definition, snapshot.Answers));
    }

    public static IReadOnlyList<PlanTarget> Targets(FormDefinition definition, IReadOnlyDictionary<string, string> answers)
    {
        var table = AllFields(definition).FirstOrDefault(f => f.Type == FieldType.PlanTable
            && f.Columns!.Any(c => c.Key == TargetColumn) && f.Columns!.All(c => c.Key != AchievedColumn));
        if (table is null)
        {
            return [];
        }
        string? Cell(string row, string column) => answers.GetValueOrDefault($"{table.Key}.{row}.{column}");
        var targets = new List<PlanTarget>();
        foreach (var direction in table.Directions!)
        {
            targets.AddRange(direction.Rows.Select(r => new PlanTarget(direction.Label, r.Key, r.Label, Cell(r.Key, BaselineColumn), Cell(r.Key, TargetColumn))));
            for (var n = 1; n <= (direction.ExtraRows ?? 0); n++)
            {
                var row = $"{direction.Key}Extra{n}";
                if (Cell(row, "indicator") is { Length: > 0 } indicator)
                {
                    targets.Add(new PlanTarget(direction.Label, row, indicator, Cell(row, BaselineColumn), Cell(row, TargetColumn)));
                }
            }
        }
        return targets;
    }

    /// <summary>
    /// The answers a re-review application starts with in <paramref name="form"/>: the entry's name and operator in the
    /// answers the edition declares for them, and in the form's plan-versus-actual table (a plan table with a target and
    /// an achieved column) each original target row's baseline and target (and the indicator of an added row), with the
    /// achieved value where an accepted annual report gives one. A form without such a table gets name and operator only.
    /// </summary>
    public static Dictionary<string, string> Answers(FormDefinition form, RegistryEntry entry, ReReviewStart? start, IReadOnlyDictionary<string, string> actuals)
    {
        var fields = AllFields(form).ToList();
        var keys = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = form.TryDeclared();
        if (declared?.TitleAnswers.FirstOrDefault(keys.Contains) is { } titleKey)
        {
            answers[titleKey] = entry.Name;
        }
        if (declared?.OperatorAnswers?.FirstOrDefault(keys.Contains) is { } operatorKey)
        {
            answers[operatorKey] = entry.OperatorName;
        }
        var table = fields.FirstOrDefault(f => f.Type == FieldType.PlanTable
            && f.Columns!.Any(c => c.Key == TargetColumn) && f.Columns!.Any(c => c.Key == AchievedColumn));
        if (table is null || start is null)
        {
            return answers;
        }
        var added = table.Directions!.SelectMany(d => Enumerable.Range(1, d.ExtraRows ?? 0).Select(n => $"{d.Key}Extra{n}")).ToHashSet(StringComparer.Ordinal);
        var rows = table.Directions!.SelectMany(d => d.Rows.Select(r => r.Key)).Concat(added).ToHashSet(StringComparer.Ordinal);
        void Put(string row, string column, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                answers[$"{table.Key}.{row}.{column}"] = value;
            }
        }
        foreach (var target in start.Targets.Where(t => rows.Contains(t.RowKey)))
        {
            if (added.Contains(target.RowKey))
            {
                Put(target.RowKey, "indicator", target.Indicator);
            }
            Put(target.RowKey, BaselineColumn, target.Baseline);
            Put(target.RowKey, TargetColumn, target.Target);
            Put(target.RowKey, AchievedColumn, actuals.GetValueOrDefault(target.RowKey));
        }
        return answers;
    }

    /// <summary>The long text of the plan section: the first long-text field whose label speaks of the plan (发展规划).</summary>
    private static string? PlanText(FormDefinition definition, IReadOnlyDictionary<string, string> answers) =>
        AllFields(definition).Where(f => f.Type == FieldType.LongText && f.DisplayName.Contains("发展规划", StringComparison.Ordinal))
            .Select(f => answers.GetValueOrDefault(f.Key)).FirstOrDefault(t => !string.IsNullOrEmpty(t));

    private static IEnumerable<FormField> AllFields(FormDefinition definition)
    {
        static IEnumerable<FormField> Flatten(IEnumerable<FormField> fields) =>
            fields.SelectMany(f => f.Fields is { } inner ? Flatten(inner).Prepend(f) : [f]);
        return definition.Sections.SelectMany(s => Flatten(s.Fields));
    }
}
