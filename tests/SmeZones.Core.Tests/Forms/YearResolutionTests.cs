using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class YearResolutionTests
{
    [Theory]
    [InlineData("zone-2026", 2026, new[] { 2023, 2024, 2025 })]
    [InlineData("zone-2025", 2025, new[] { 2022, 2023, 2024 })]
    [InlineData("cluster-2024", 2024, new[] { 2021, 2022, 2023 })]
    [InlineData("cluster-review-xj", 2026, new[] { 2023, 2024, 2025 })]
    public void Data_years_resolve_to_the_years_printed_on_the_official_form(string edition, int roundYear, int[] printed)
    {
        var definition = FormEditionCatalogue.Default.Get(edition);

        Assert.Equal(printed, FormTemplate.DataYears(definition, roundYear));
    }

    [Fact]
    public void The_same_edition_serves_the_next_round_with_shifted_years()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var slots = FormAnswerKeys.For(definition, 2027);

        Assert.Equal([2024, 2025, 2026], FormTemplate.DataYears(definition, 2027));
        Assert.Equal("合作区营业总收入（2026年）", slots.Single(s => s.Key == "revenue.total.y3").Label);
        Assert.Contains("截止到 2026 年底", FormTemplate.Resolve(definition.Instructions[5], 2027), StringComparison.Ordinal);
    }

    [Fact]
    public void Year_answer_keys_are_relative_and_carry_the_resolved_year()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");
        var slots = FormAnswerKeys.For(definition, 2026).Where(s => s.FieldKey == "openness.fdiGrowth").ToList();

        Assert.Equal(["openness.fdiGrowth.y1", "openness.fdiGrowth.y2", "openness.fdiGrowth.y3"], slots.Select(s => s.Key));
        Assert.Equal([2023, 2024, 2025], slots.Select(s => s.Year!.Value));
    }

    [Fact]
    public void Round_dependent_texts_of_the_zone_form_resolve_from_the_round()
    {
        var definition = FormEditionCatalogue.Default.Get("zone-2026");

        Assert.Equal("未注明填报年度的，请填写截止到 2025 年底的数据。", FormTemplate.Resolve(definition.Instructions[5], 2026));
        Assert.Equal("2026年度中外中小企业合作区推荐汇总表", FormTemplate.Resolve(definition.Summary!.Title, 2026));
        Assert.Contains("2025 年, 合作区总产值", FormTemplate.Resolve(definition.Summary.Columns[^1].Hint!, 2026), StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_plan_years_run_to_the_third_year_after_the_data()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-2024");
        var plan = DefinitionFidelityTests.Field(definition, "plan.targets");
        var printed = FormPrintedText.Enumerate(definition, 2024).ToList();

        Assert.Equal(["2023 年基准值", "2026 年目标值"], plan.Columns!.Select(c => FormTemplate.Resolve(c.Label, 2024)));
        Assert.Contains("（3）2026 年度", printed);
        Assert.Contains("未注明填报年度的，请填写截止到 2023年底的数据。", printed);
        Assert.Equal([2021, 2022, 2023], FormAnswerKeys.For(definition, 2024).Where(s => s.FieldKey == "innovation.standards" && s.Key.StartsWith("innovation.standards.national.lead", StringComparison.Ordinal)).Select(s => s.Year!.Value));
    }

    [Fact]
    public void Xinjiang_review_compares_2023_plan_with_2025_and_plans_to_2028()
    {
        var definition = FormEditionCatalogue.Default.Get("cluster-review-xj");
        string Columns(string key) => string.Join(" ", DefinitionFidelityTests.Field(definition, key).Columns!.Select(c => FormTemplate.Resolve(c.Label, 2026)));

        Assert.Equal("2023年基准值 2025年目标值 2025年完成值", Columns("plan.achievement"));
        Assert.Equal("2025年基准值 2028年目标值", Columns("plan.targets"));
        Assert.Contains("（3）2028年度", FormPrintedText.Enumerate(definition, 2026));
    }
}
