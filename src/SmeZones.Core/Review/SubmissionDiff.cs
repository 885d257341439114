using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Review;

/// <summary>One answer (or one evidence slot) that differs between two submissions, as a person reads it.</summary>
public sealed record SubmissionChange(string SectionKey, string SectionHeading, string Key, string Label, string Before, string After);

/// <summary>Two submissions of one application and what changed between them.</summary>
public sealed record SubmissionComparison(
    int FromSequence, DateTimeOffset FromSubmittedAt, int ToSequence, DateTimeOffset ToSubmittedAt, IReadOnlyList<SubmissionChange> Changes);

/// <summary>
/// What an applicant changed between two submissions, field by field, read with the definition copies the snapshots
/// carry (so an edition edited later cannot change what the comparison says was submitted).
/// </summary>
public static class SubmissionDiff
{
    public const string EvidenceSection = "evidence";
    public const string OtherSection = "other";

    /// <summary>
    /// Changed answers in printed order (cover first), then answers no slot of either definition names, then evidence
    /// files whose set differs per slot. Values compare as stored; Before/After are shown as people read them.
    /// </summary>
    public static IReadOnlyList<SubmissionChange> Between(SubmissionSnapshot previous, SubmissionSnapshot current)
    {
        var before = new FormAnswers(previous.Answers);
        var after = new FormAnswers(current.Answers);
        var changes = new List<SubmissionChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The current definition first; a slot only the previous one had (a different edition) still counts.
        foreach (var (snapshot, answersFor) in new[] { (current, after), (previous, before) })
        {
            var headings = SectionProgressReport.Headings(snapshot.Definition).ToDictionary(h => h.Key, h => h.Heading, StringComparer.Ordinal);
            foreach (var slot in FormAnswerKeys.For(snapshot.Definition, snapshot.RoundYear))
            {
                if (!seen.Add(slot.Key) || Same(slot, before, after))
                {
                    continue;
                }
                changes.Add(new SubmissionChange(slot.SectionKey, headings.GetValueOrDefault(slot.SectionKey, slot.SectionKey), slot.Key, slot.Label,
                    Shown(slot, before), Shown(slot, after)));
            }
        }
        foreach (var key in previous.Answers.Keys.Union(current.Answers.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!seen.Contains(key) && !Same(before.Get(key), after.Get(key)))
            {
                changes.Add(new SubmissionChange(OtherSection, "表外数据", key, key, before.Get(key) ?? "", after.Get(key) ?? ""));
            }
        }
        changes.AddRange(EvidenceChanges(previous, current));
        return changes;
    }

    /// <summary>
    /// The pair the reviewer wants by default: the latest submission against the one that was returned before it;
    /// without a return, against the one before. Null when there is only one submission (or none).
    /// </summary>
    public static async Task<(int From, int To)?> DefaultPairAsync(PortalDbContext db, Guid applicationId, CancellationToken ct = default)
    {
        var latest = await db.Submissions.Where(s => s.ApplicationId == applicationId).MaxAsync(s => (int?)s.Sequence, ct);
        if (latest is not { } to || to < 2)
        {
            return null;
        }
        var returned = await db.RevisionRequests.Where(r => r.ApplicationId == applicationId && r.ReturnedSubmissionSequence < to && r.ReturnedSubmissionSequence > 0)
            .MaxAsync(r => (int?)r.ReturnedSubmissionSequence, ct);
        return (returned ?? to - 1, to);
    }

    /// <summary>The comparison of two stored submissions; null when either sequence does not exist.</summary>
    public static async Task<SubmissionComparison?> CompareAsync(PortalDbContext db, Guid applicationId, int from, int to, CancellationToken ct = default)
    {
        var pair = await db.Submissions.AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && (s.Sequence == from || s.Sequence == to)).ToListAsync(ct);
        var previous = pair.SingleOrDefault(s => s.Sequence == from);
        var current = pair.SingleOrDefault(s => s.Sequence == to);
        if (previous is null || current is null)
        {
            return null;
        }
        var changes = Between(SubmissionSnapshot.Parse(previous.CanonicalJson), SubmissionSnapshot.Parse(current.CanonicalJson));
        return new SubmissionComparison(from, previous.SubmittedAt, to, current.SubmittedAt, changes);
    }

    // A checkbox left unticked may be stored as "false" or not at all; both read as unticked.
    private static bool Same(AnswerSlot slot, FormAnswers before, FormAnswers after) => slot.Kind == SlotKind.Flag
        ? before.IsTicked(slot.Key) == after.IsTicked(slot.Key)
        : Same(before.Get(slot.Key), after.Get(slot.Key));

    private static string Shown(AnswerSlot slot, FormAnswers answers) =>
        slot.Kind == SlotKind.Flag ? (answers.IsTicked(slot.Key) ? "☑ 已勾选" : "☐ 未勾选") : AnswerDisplay.Text(slot, answers);

    private static bool Same(string? before, string? after) => string.Equals(before ?? "", after ?? "", StringComparison.Ordinal);

    private static IEnumerable<SubmissionChange> EvidenceChanges(SubmissionSnapshot previous, SubmissionSnapshot current)
    {
        var titles = EvidenceSlots.For(current.Definition, current.RoundYear)
            .Concat(EvidenceSlots.For(previous.Definition, previous.RoundYear))
            .DistinctBy(s => s.Key).ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);
        var slots = previous.Evidence.Select(e => e.SlotKey).Union(current.Evidence.Select(e => e.SlotKey), StringComparer.Ordinal)
            .OrderBy(k => int.TryParse(k, out var n) ? n : int.MaxValue).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            var before = Files(previous, slot);
            var after = Files(current, slot);
            if (before != after)
            {
                yield return new SubmissionChange(EvidenceSection, "佐证材料", "evidence:" + slot, titles.GetValueOrDefault(slot, $"佐证材料 {slot}"), before, after);
            }
        }
    }

    // The content hash is part of the text, so a file replaced under the same name still shows as a change.
    private static string Files(SubmissionSnapshot snapshot, string slot) => string.Join("；", snapshot.Evidence
        .Where(e => e.SlotKey == slot)
        .Select(e => $"{e.FileName}（校验码 {SubmissionSnapshot.Fingerprint(e.Sha256)[..8]}）")
        .Order(StringComparer.Ordinal));
}
