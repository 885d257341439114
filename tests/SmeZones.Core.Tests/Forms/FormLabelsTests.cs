using SmeZones.Core.Applications;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

/// <summary>The one resolver of a form's keys (issue 8 items 8, 12, 13): labels with years, headings, evidence titles.</summary>
public class FormLabelsTests
{
    public static TheoryData<string> Editions => new(FormEditionCatalogue.Default.All.Select(d => d.Key));

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_key_of_an_edition_has_words_and_none_is_the_key_itself(string edition)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var labels = FormLabels.For(definition, definition.RoundYear);

        Assert.All(FormAnswerKeys.For(definition, definition.RoundYear), slot => Assert.Equal(slot.Label, labels.Answer(slot.Key)));
        Assert.All(FormAnswerKeys.For(definition, definition.RoundYear), slot => Assert.DoesNotContain(slot.Key, labels.Answer(slot.Key)!, StringComparison.Ordinal));
        Assert.Equal("封面", labels.Section(FormAnswerKeys.CoverSection));
        Assert.All(definition.Sections, s => Assert.Equal($"{s.Number}、{s.Title}", labels.Section(s.Key)));
        Assert.All(EvidenceSlots.For(definition, definition.RoundYear), slot => Assert.Equal(slot.Title, labels.Evidence(slot.Key)));
        Assert.Null(labels.Answer("no.such.key"));
        Assert.Null(labels.Section("noSuchSection"));
        Assert.Null(labels.Evidence("noSuchSlot"));
    }

    [Fact]
    public void A_year_column_is_named_by_its_year()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");

        Assert.Equal("合作区内中小企业营业收入占比（2025年）", FormLabels.For(definition, 2026).Answer("revenue.smeShare.y3"));
        Assert.Equal("合作区内中小企业营业收入占比（2026年）", FormLabels.For(definition, 2027).Answer("revenue.smeShare.y3"));
    }

    [Theory]
    [InlineData("保存 cover：8 项", "保存 封面：8 项")]
    [InlineData("保存 全部：3 项", "保存 全部（导入）：3 项")]
    [InlineData("保存 noSuchSection：2 项", "保存 noSuchSection：2 项")]
    [InlineData("上传佐证材料 a.pdf", "上传佐证材料 a.pdf")]
    [InlineData(null, null)]
    public void A_stored_save_summary_reads_with_the_sections_heading(string? stored, string? shown)
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");

        Assert.Equal(shown, SectionSave.ReadableSummary(stored, FormLabels.For(definition, 2026)));
    }

    [Fact]
    public void A_sections_save_summary_reads_with_its_heading()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var section = definition.Sections[0];

        Assert.Equal($"保存 {section.Number}、{section.Title}：1 项", SectionSave.ReadableSummary($"保存 {section.Key}：1 项", FormLabels.For(definition, 2026)));
    }
}
