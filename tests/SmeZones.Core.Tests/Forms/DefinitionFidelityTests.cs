using SmeZones.Core.Forms;
using SmeZones.TestSupport.Forms;
using SmeZones.Core.Campaigns;

namespace SmeZones.Core.Tests.Forms;

public class DefinitionFidelityTests
{
    public static TheoryData<string, int, string[]> Editions => new()
    {
        { "zone-2026", 2026, OfficialLabels.Zone2026 },
        { "zone-2025", 2025, OfficialLabels.Zone2025 },
        { "cluster-2024", 2024, OfficialLabels.Cluster2024 },
        { "cluster-review-xj", 2026, OfficialLabels.ClusterReviewXj },
    };

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_printed_text_of_the_official_form_appears_in_its_definition(string edition, int roundYear, string[] official)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);
        var printed = FormPrintedText.Enumerate(definition, roundYear).Select(FormText.NormaliseForComparison).ToHashSet();

        var missing = official.Where(label => !printed.Contains(FormText.NormaliseForComparison(label))).ToList();

        Assert.True(missing.Count == 0, $"{edition} lacks: " + string.Join(" | ", missing));
    }

    [Fact]
    public void A_wording_of_another_edition_is_not_taken_as_present()
    {
        var printed = FormPrintedText.Enumerate(FormEditionCatalogue.Default.Get("zone-2026"), 2026).Select(FormText.NormaliseForComparison).ToHashSet();

        Assert.DoesNotContain(FormText.NormaliseForComparison("是否有明确的四至范围和功能规划"), printed);
        Assert.DoesNotContain(FormText.NormaliseForComparison("2022 年"), printed);
    }

    [Fact]
    public void Normalising_ignores_spacing_and_full_or_half_width_punctuation()
    {
        Assert.Equal(
            FormText.NormaliseForComparison("(简要描述,不超过300字)"),
            FormText.NormaliseForComparison("（简要描述，不超过 300 字）"));
        Assert.Equal(FormText.NormaliseForComparison("专精特新“小巨人”企业"), FormText.NormaliseForComparison("专精特新\"小巨人 \"企业"));
        Assert.NotEqual(FormText.NormaliseForComparison("功能划分"), FormText.NormaliseForComparison("功能规划"));
    }

    [Fact]
    public void The_two_zone_editions_keep_their_own_wording()
    {
        var zone2025 = FormEditionCatalogue.Default.Get("zone-2025");
        var zone2026 = FormEditionCatalogue.Default.Get("zone-2026");

        Assert.Equal("是否有明确的四至范围和功能规划", Field(zone2025, "basic.clearBoundaries").Label);
        Assert.Equal("是否有明确的四至范围和功能划分", Field(zone2026, "basic.clearBoundaries").Label);
        Assert.Equal("运营管理设立以及服务机构引入情况", Field(zone2025, "service.operator").Label);
        Assert.Equal("运营管理机构设立及服务机构引入情况", Field(zone2026, "service.operator").Label);
        Assert.Null(zone2025.Cover.Single(f => f.Key == "cover.operator").Suffix);
        Assert.Equal("(非新设立机构)", zone2026.Cover.Single(f => f.Key == "cover.operator").Suffix);
    }

    [Fact]
    public void Zone_forms_ask_for_evidence_1_to_15_on_the_printed_rows()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");

        Assert.Equal([1], Field(definition, "revenue").Evidence);
        Assert.Equal([6], Field(definition, "innovation.platforms").Evidence);
        Assert.Equal([12], Field(definition, "quality.counts").Evidence);
        Assert.Equal([15], Field(definition, "service.enterprise").Evidence);
    }

    [Theory]
    [InlineData("zone-2026", "工业和信息化部 制", Programme.Zone)]
    [InlineData("cluster-2024", "工业和信息化部 制", Programme.Cluster)]
    [InlineData("cluster-review-xj", "新疆维吾尔自治区工业和信息化厅 制", Programme.ClusterReview)]
    public void Issuer_and_programme_match_the_official_form(string edition, string issuer, Programme programme)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);

        Assert.Equal(issuer, definition.Issuer);
        Assert.Equal(programme, definition.Programme);
    }

    [Fact]
    public void Sections_follow_the_official_order()
    {
        static string Titles(string edition) =>
            string.Join(" ", FormEditionCatalogue.Default.Get(edition).Sections.Select(s => s.Number + "、" + s.Title));

        Assert.Equal("一、基本情况 二、未来五年合作区发展规划 三、对外开放合作情况 四、创新能力情况 五、优质中小企业培育情况 六、管理服务效能 七、真实性声明及推荐意见", Titles("zone-2026"));
        Assert.Equal("一、基本情况 二、主导产业情况 三、创新能力情况 四、数字化升级情况 五、绿色化转型情况 六、开放合作情况 七、治理和服务水平 八、未来三年中小企业特色产业集群发展规划 九、真实性声明及推荐意见", Titles("cluster-2024"));
    }

    internal static FormField Field(FormDefinition definition, string key) =>
        definition.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Fields is null ? [f] : f.Fields.Prepend(f)).Single(f => f.Key == key);
}
