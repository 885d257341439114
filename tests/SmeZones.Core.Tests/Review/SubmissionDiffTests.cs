using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Core.Review;

namespace SmeZones.Core.Tests.Review;

/// <summary>Field-by-field changes between two snapshots, read with the definition copies they carry.</summary>
public class SubmissionDiffTests
{
    private static readonly FormDefinition Zone = FormEditionCatalogue.Default.Get("zone-2026");

    [Fact]
    public void Identical_submissions_have_no_changes()
    {
        var answers = new Dictionary<string, string> { ["basic.zoneName"] = "甲", ["revenue.total.y3"] = "100" };

        Assert.Empty(SubmissionDiff.Between(Snapshot(1, answers), Snapshot(2, answers)));
    }

    [Fact]
    public void Each_changed_added_or_cleared_answer_is_listed_once_with_its_section_label_and_both_values_in_printed_order()
    {
        var before = Snapshot(1, new() { ["basic.zoneName"] = "甲合作区", ["revenue.total.y3"] = "100", ["cover.contact"] = "张三" });
        var after = Snapshot(2, new() { ["basic.zoneName"] = "乙合作区", ["revenue.total.y1"] = "80", ["cover.contact"] = "张三" });

        var changes = SubmissionDiff.Between(before, after);

        var slots = FormAnswerKeys.For(Zone, 2026).ToDictionary(s => s.Key);
        var headings = SectionProgressReport.Headings(Zone).ToDictionary(h => h.Key, h => h.Heading);
        Assert.Equal(["basic.zoneName", "revenue.total.y1", "revenue.total.y3"], changes.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            changes.Select(c => c.Key),
            slots.Keys.Where(k => changes.Any(c => c.Key == k))); // printed order
        var name = changes.Single(c => c.Key == "basic.zoneName");
        Assert.Equal((headings["basic"], slots["basic.zoneName"].Label, "甲合作区", "乙合作区"), (name.SectionHeading, name.Label, name.Before, name.After));
        Assert.Equal(("", AnswerDisplay.Text(slots["revenue.total.y1"], new FormAnswers(after.Answers))), Values(changes, "revenue.total.y1"));
        Assert.Equal((AnswerDisplay.Text(slots["revenue.total.y3"], new FormAnswers(before.Answers)), ""), Values(changes, "revenue.total.y3"));
    }

    [Fact]
    public void A_checkbox_stored_as_false_or_absent_is_the_same_unticked_box()
    {
        var flag = FormAnswerKeys.For(Zone, 2026).First(s => s.Kind == SlotKind.Flag).Key;

        Assert.Empty(SubmissionDiff.Between(Snapshot(1, new() { [flag] = "false" }), Snapshot(2, [])));
        var ticked = Assert.Single(SubmissionDiff.Between(Snapshot(1, []), Snapshot(2, new() { [flag] = "true" })));
        Assert.Equal(("☐ 未勾选", "☑ 已勾选"), (ticked.Before, ticked.After));
    }

    [Fact]
    public void Answers_no_slot_names_and_evidence_files_are_compared_too()
    {
        var before = Snapshot(1, new() { ["stray.key"] = "1" }, [new SnapshotEvidence("1", "名录.pdf", 10, new string('a', 64))]);
        var after = Snapshot(2, new() { ["stray.key"] = "2" }, [new SnapshotEvidence("1", "名录.pdf", 11, new string('b', 64))]);

        var changes = SubmissionDiff.Between(before, after);

        Assert.Equal([SubmissionDiff.OtherSection, SubmissionDiff.EvidenceSection], changes.Select(c => c.SectionKey));
        var evidence = changes[1];
        Assert.StartsWith("佐证材料 1", evidence.Label, StringComparison.Ordinal);
        Assert.Equal(("名录.pdf（校验码 aaaaaaaa）", "名录.pdf（校验码 bbbbbbbb）"), (evidence.Before, evidence.After));
    }

    private static (string, string) Values(IReadOnlyList<SubmissionChange> changes, string key)
    {
        var change = changes.Single(c => c.Key == key);
        return (change.Before, change.After);
    }

    private static SubmissionSnapshot Snapshot(int sequence, Dictionary<string, string> answers, IReadOnlyList<SnapshotEvidence>? evidence = null) => new()
    {
        ApplicationId = Guid.Empty,
        ApplicationNumber = "HZQ-2026-0001",
        Sequence = sequence,
        CampaignName = "2026年度中外中小企业合作区推荐",
        RoundYear = 2026,
        Organisation = "佛山市工业和信息化局",
        SubmittedAt = DateTimeOffset.UnixEpoch,
        SubmittedBy = "applicant.foshan",
        Definition = Zone,
        Answers = new SortedDictionary<string, string>(answers, StringComparer.Ordinal),
        Evidence = evidence ?? [],
    };
}
