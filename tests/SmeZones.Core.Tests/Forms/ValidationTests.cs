using SmeZones.Core.Forms;

namespace SmeZones.Core.Tests.Forms;

public class ValidationTests
{
    private static readonly FormDefinition Zone = FormEditionCatalogue.Default.Get("zone-2026");
    private static readonly FormDefinition Cluster = FormEditionCatalogue.Default.Get("cluster-2024");

    private static FormValidationResult Draft(FormDefinition definition, params (string Key, string Value)[] answers) =>
        FormValidation.Validate(definition, definition.RoundYear, Answers(answers), ValidationMode.Draft);

    private static FormAnswers Answers(IEnumerable<(string Key, string Value)> answers) =>
        new(answers.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)));

    private static string OnlyError(FormValidationResult result, string key) => Assert.Single(result.For(key)).Message;

    [Fact]
    public void Two_decimals_pass_and_three_are_refused_with_the_year_in_the_message()
    {
        Assert.True(Draft(Zone, ("revenue.total.y3", "120.55")).IsValid);

        var result = Draft(Zone, ("revenue.total.y3", "120.555"));

        Assert.Equal("合作区营业总收入（2025年）最多保留两位小数", OnlyError(result, "revenue.total.y3"));
    }

    [Fact]
    public void Text_of_300_characters_passes()
    {
        Assert.True(Draft(Zone, ("quality.measures", new string('培', 300))).IsValid);
    }

    [Fact]
    public void Text_over_300_characters_is_refused()
    {
        var result = Draft(Zone, ("quality.measures", new string('培', 301)));

        Assert.EndsWith("不能超过300字（当前301字）", OnlyError(result, "quality.measures"), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_are_counted_as_text_elements_and_line_breaks_do_not_count()
    {
        var text = string.Concat(Enumerable.Repeat("👍", 100)) + "\r\n";

        Assert.Equal(100, FormText.CountCharacters(text));
        Assert.True(Draft(Zone, ("openness.mechanism", text)).IsValid);
    }

    [Fact]
    public void Negative_count_is_refused()
    {
        var result = Draft(Zone, ("openness.foreignFirms.y1", "-1"));

        Assert.Equal("合作区外资或合资企业数量（2023年）不能为负数", OnlyError(result, "openness.foreignFirms.y1"));
    }

    [Fact]
    public void Counts_of_firms_must_be_whole_numbers()
    {
        var result = Draft(Zone, ("quality.champions", "1.5"));

        Assert.Equal("制造业单项冠军企业总数量应为整数", OnlyError(result, "quality.champions"));
    }

    [Fact]
    public void Negative_growth_rate_is_allowed()
    {
        Assert.True(Draft(Zone, ("openness.fdiGrowth.y2", "-12.50"), ("innovation.rdGrowth.y1", "－3.2")).IsValid);
    }

    [Fact]
    public void Share_over_100_is_refused()
    {
        var result = Draft(Zone, ("revenue.smeShare.y1", "100.01"));

        Assert.Equal("合作区内中小企业营业收入占比（2023年）应在0到100之间", OnlyError(result, "revenue.smeShare.y1"));
        Assert.True(Draft(Zone, ("revenue.smeShare.y1", "100")).IsValid);
    }

    [Fact]
    public void Ticking_other_without_its_text_is_refused()
    {
        var result = Draft(Zone, ("openness.exchange.otherChecked", "true"));
        var submit = FormValidation.Validate(Zone, 2026, Answers([("openness.exchange.otherChecked", "true")]), ValidationMode.Submit);

        Assert.True(result.IsValid);
        Assert.Contains("请填写“其他”的具体内容", OnlyError(submit, "openness.exchange.other"), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_text_is_not_required_when_other_is_not_ticked()
    {
        var submit = FormValidation.Validate(Zone, 2026, Answers([("openness.exchange.marketExpansion", "true")]), ValidationMode.Submit);

        Assert.Empty(submit.For("openness.exchange.other"));
        Assert.Empty(submit.For("openness.exchange.marketExpansion"));
    }

    [Fact]
    public void Full_width_digits_are_accepted()
    {
        Assert.True(Draft(Zone, ("revenue.total.y1", "１２３．４５"), ("openness.foreignFirms.y1", "１２")).IsValid);
        Assert.Equal(123.45m, FormNumbers.Read("１２３．４５"));
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("十二")]
    [InlineData("12%")]
    [InlineData("1,200")]
    public void Letters_and_other_non_digits_in_numbers_are_refused(string typed)
    {
        var result = Draft(Zone, ("revenue.total.y1", typed));

        Assert.StartsWith("合作区营业总收入（2023年）只能填写数字", OnlyError(result, "revenue.total.y1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_mode_accepts_blanks_while_submit_mode_refuses_them()
    {
        var empty = new FormAnswers();

        var draft = FormValidation.Validate(Zone, 2026, empty, ValidationMode.Draft);
        var submit = FormValidation.Validate(Zone, 2026, empty, ValidationMode.Submit);

        Assert.True(draft.IsValid);
        Assert.Equal("请填写合作区名称；没有相关情况时请填写“无”", OnlyError(submit, "basic.zoneName"));
        Assert.Equal("请填写合作区营业总收入（2025年）；没有时请填0", OnlyError(submit, "revenue.total.y3"));
        Assert.Equal("请选择是否定位在地市级行政区划范围内", OnlyError(submit, "basic.withinPrefecture"));
        Assert.Equal("请勾选确认真实性声明（确认）", OnlyError(submit, "declaration.agreed"));
    }

    [Fact]
    public void Text_fields_accept_wu_but_numbers_do_not()
    {
        var result = FormValidation.Validate(Zone, 2026, Answers([("basic.area", "无"), ("revenue.total.y1", "无")]), ValidationMode.Submit);

        Assert.Empty(result.For("basic.area"));
        Assert.Equal("合作区营业总收入（2023年）请填写数字；没有时请填0", OnlyError(result, "revenue.total.y1"));
    }

    [Fact]
    public void Yes_no_takes_only_its_options_including_the_not_applicable_one()
    {
        Assert.True(Draft(Cluster, ("basic.energyEfficiency", "notApplicable"), ("basic.prohibitedIndustry", "no")).IsValid);

        var result = Draft(Cluster, ("basic.prohibitedIndustry", "notApplicable"));

        Assert.Equal("请从给出的选项中选择集群主导产业是否属于国家规定的禁止、限制和淘汰类产业", OnlyError(result, "basic.prohibitedIndustry"));
    }

    [Fact]
    public void Names_are_required_when_a_count_is_above_zero()
    {
        var none = FormValidation.Validate(Zone, 2026, Answers([("innovation.overseasRd.count", "0")]), ValidationMode.Submit);
        var some = FormValidation.Validate(Zone, 2026, Answers([("innovation.overseasRd.count", "2")]), ValidationMode.Submit);

        Assert.Empty(none.For("innovation.overseasRd.names"));
        Assert.Equal("请填写合作区海外研发机构设立情况（名称）；没有相关情况时请填写“无”", OnlyError(some, "innovation.overseasRd.names"));
    }

    [Fact]
    public void An_added_plan_row_must_be_completed_once_started()
    {
        var started = FormValidation.Validate(Cluster, 2024, Answers([("plan.targets.industryExtra1.indicator", "主导产业营业收入")]), ValidationMode.Submit);

        Assert.Contains("三年总体目标（主导产业，新增指标1，2026 年目标值）", OnlyError(started, "plan.targets.industryExtra1.target"), StringComparison.Ordinal);
        Assert.Empty(started.For("plan.targets.industryExtra2.indicator"));
        Assert.Single(started.For("plan.targets.outputGrowth.baseline"));
    }

    [Fact]
    public void Standards_table_cells_are_checked_per_row_column_and_year()
    {
        var result = Draft(Cluster, ("innovation.standards.national.lead.y2", "-2"));

        Assert.Equal("制修订标准数量（国家，主持数量，2022年）不能为负数", OnlyError(result, "innovation.standards.national.lead.y2"));
    }

    [Fact]
    public void The_recommenders_opinion_is_not_required_of_the_applicant()
    {
        var submit = FormValidation.Validate(Zone, 2026, new FormAnswers(), ValidationMode.Submit);

        Assert.Empty(submit.For("recommendation"));
    }

    [Fact]
    public void One_section_can_be_validated_alone()
    {
        var result = FormValidation.Validate(Zone, 2026, new FormAnswers(), ValidationMode.Submit, "openness");

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.StartsWith("openness.", e.Key, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => FormValidation.Validate(Zone, 2026, new FormAnswers(), ValidationMode.Submit, "nope"));
    }

    [Fact]
    public void A_complete_zone_application_passes_submit()
    {
        var answers = new FormAnswers();
        foreach (var slot in FormAnswerKeys.For(Zone, 2026).Where(s => s.RequiredWhen == RequiredWhen.Always))
        {
            answers.Set(slot.Key, slot.Kind switch
            {
                SlotKind.Number => "1",
                SlotKind.Choice => slot.Options![0].Key,
                SlotKind.Flag => "true",
                _ => "无",
            });
        }

        foreach (var names in FormAnswerKeys.For(Zone, 2026).Where(s => s.RequiredWhen == RequiredWhen.PositiveCount))
        {
            answers.Set(names.Key, "某平台");
        }

        var result = FormValidation.Validate(Zone, 2026, answers, ValidationMode.Submit);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
    }
}
