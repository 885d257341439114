using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Tests.Campaigns;

/// <summary>The round editor's and create-round's rules: each bad input is named, in Chinese, on its own field.</summary>
public class RoundDefinitionValidatorTests
{
    private static readonly Organisation Ministry = new() { Name = "工业和信息化部中小企业局", Level = OrganisationLevel.Ministry };
    private static readonly Organisation Xinjiang = new() { Name = "新疆维吾尔自治区工业和信息化厅", Level = OrganisationLevel.ProvincialUnit, RegionCode = "650000" };

    internal static RoundDefinition ZoneRound() => new()
    {
        Programme = "Zone",
        Year = "2026",
        Name = "2026年度中外中小企业合作区推荐",
        FormEdition = "zone-2026",
        OpensAt = "2026-07-01 09:00",
        ClosesAt = "2026-08-15 17:00",
        NoticeNumber = "工信厅企业函〔2026〕156号",
        OfficialDeadline = "2026年8月15日前",
        ApplicantLevel = "Prefecture",
        Stages =
        [
            new() { Level = "ProvincialUnit", Name = "省级初审推荐", Deadline = "2026-08-31 17:00", Quota = "2", SeparatelyPlannedCityQuota = "1", BingtuanQuota = "1" },
            new() { Level = "Ministry", Name = "工业和信息化部评审", Deadline = "2026-09-30 17:00" },
        ],
        RelaxedRegionClasses = ["Central", "West", "Northeast"],
        IntroMaxChars = "300",
    };

    private static RoundDefinition XinjiangReview() => new()
    {
        Programme = "ClusterReview",
        Year = "2026",
        Name = "2026年新疆中小企业特色产业集群复核",
        FormEdition = "cluster-review-xj",
        OpensAt = "2026-07-01 09:00",
        ClosesAt = "2026-08-15 17:00",
        NoticeNumber = "新工信函〔2026〕1号",
        OfficialDeadline = "2026年8月15日前",
        ApplicantLevel = "County",
        Stages =
        [
            new() { Level = "Prefecture", Name = "地州初审", Deadline = "2026-08-25 17:00", Quota = "3" },
            new() { Level = "ProvincialUnit", Name = "自治区复核", Deadline = "2026-09-15 17:00" },
        ],
        IntroMaxChars = "300",
    };

    private static Dictionary<string, string> Errors(RoundDefinition round, Organisation? organiser = null) =>
        new RoundDefinitionValidator(organiser ?? Ministry).Validate(round).Errors
            .GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => e.ErrorMessage)));

    [Fact]
    public void A_complete_national_round_and_a_provincial_review_round_are_accepted()
    {
        Assert.Empty(Errors(ZoneRound()));
        Assert.Empty(Errors(XinjiangReview(), Xinjiang));
    }

    [Fact]
    public void An_edition_whose_data_years_belong_to_another_year_is_refused_naming_its_years()
    {
        var round = ZoneRound();
        round.Year = "2027";

        Assert.Equal("申报表 zone-2026 的数据年份为2023—2025年，适用于2026年度，与本批次年度（2027年）不符", Errors(round)["FormEdition"]);
    }

    [Fact]
    public void An_edition_of_another_programme_is_refused()
    {
        var round = ZoneRound();
        round.FormEdition = "cluster-2024";
        round.Year = "2024";

        Assert.Contains("不属于所选申报项目（中外中小企业合作区）", Errors(round)["FormEdition"], StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_before_opening_is_refused_on_the_closing_time()
    {
        var round = ZoneRound();
        round.ClosesAt = "2026-06-30 17:00";

        Assert.Equal("截止时间须晚于开始受理时间", Errors(round)["ClosesAt"]);
    }

    [Theory]
    [InlineData("-1", "第1级的名额不能为负数")]
    [InlineData("两个", "第1级的名额须为整数（不限名额请留空）")]
    [InlineData("1001", "第1级的名额不能超过1000")]
    public void A_quota_must_be_a_whole_number_not_negative(string quota, string message)
    {
        var round = ZoneRound();
        round.Stages[0].Quota = quota;

        Assert.Equal(message, Errors(round)["Stages[0].Quota"]);
    }

    [Fact]
    public void A_negative_quota_for_the_bingtuan_is_refused_on_its_own_field()
    {
        var round = ZoneRound();
        round.Stages[0].BingtuanQuota = "-2";

        Assert.Equal("第1级兵团的名额不能为负数", Errors(round)["Stages[0].BingtuanQuota"]);
    }

    [Fact]
    public void A_provincial_chain_that_skips_the_prefecture_above_county_applicants_is_refused()
    {
        var round = XinjiangReview();
        round.Stages.RemoveAt(0);

        Assert.Equal("审核流程跳过了地市级：省级组织的批次，县级申报单位须先经地市级初审", Errors(round, Xinjiang)["Stages[0].Level"]);
    }

    [Fact]
    public void A_stage_at_the_applicants_own_level_is_refused()
    {
        var round = ZoneRound();
        round.Stages.Insert(0, new StageDefinition { Level = "Prefecture", Name = "地市初审", Deadline = "2026-08-20 17:00" });

        Assert.Equal("第1级审核环节（地市级）须高于申报单位层级（地市级）", Errors(round)["Stages[0].Level"]);
    }

    [Fact]
    public void A_chain_must_climb_and_end_at_the_organisers_level()
    {
        var descending = ZoneRound();
        descending.Stages.Reverse();
        var provincialWithMinistry = XinjiangReview();
        provincialWithMinistry.Stages.Add(new StageDefinition { Level = "Ministry", Name = "部级", Deadline = "2026-10-01 17:00" });
        var nationalEndingLow = ZoneRound();
        nationalEndingLow.Stages.RemoveAt(1);

        Assert.Contains("须高于上一级（部级）", Errors(descending)["Stages[1].Level"], StringComparison.Ordinal);
        Assert.Contains("高于组织单位的层级（省级）", Errors(provincialWithMinistry, Xinjiang)["Stages[2].Level"], StringComparison.Ordinal);
        Assert.Equal("审核流程须以组织单位的层级（部级）结束", Errors(nationalEndingLow)["Stages[0].Level"]);
    }

    [Fact]
    public void Stage_deadlines_may_not_come_before_the_closing_time_or_the_stage_before()
    {
        var round = ZoneRound();
        round.Stages[0].Deadline = "2026-08-10 17:00";
        round.Stages[1].Deadline = "garbage";

        var errors = Errors(round);

        Assert.Equal("第1级审核环节的截止时间不能早于申报截止时间", errors["Stages[0].Deadline"]);
        Assert.StartsWith("请填写第2级审核环节的截止时间", errors["Stages[1].Deadline"], StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_everywhere_gets_a_chinese_message_per_field_and_no_exception()
    {
        var round = new RoundDefinition
        {
            Programme = "1", Year = "二〇二七", Name = new string('长', 200), FormEdition = "../etc/passwd", OpensAt = "tomorrow",
            ClosesAt = "2026-13-45 99:99", ApplicantLevel = "Ministry", IntroMaxChars = "-5", RelaxedRegionClasses = ["East"],
            Stages = [new() { Level = "4", Quota = "1e9" }],
        };

        var errors = Errors(round);

        foreach (var field in new[] { "Programme", "Year", "Name", "FormEdition", "OpensAt", "ClosesAt", "ApplicantLevel", "IntroMaxChars",
            "NoticeNumber", "OfficialDeadline", "Stages[0].Level", "Stages[0].Name", "Stages[0].Deadline", "Stages[0].Quota" })
        {
            Assert.True(errors.ContainsKey(field), $"no message for {field}");
        }
    }

    [Fact]
    public void Relaxation_is_only_for_the_classes_the_standard_allows()
    {
        var round = ZoneRound();
        round.RelaxedRegionClasses = ["East"];

        Assert.Equal("认定标准只允许对中部、西部、东北地区适当放宽", Errors(round)["RelaxedRegionClasses"]);
    }

    [Fact]
    public void A_relaxation_names_a_threshold_of_the_forms_criteria_with_a_looser_value()
    {
        var round = ZoneRound();
        round.Relaxations = new() { ["gate.revenue"] = "80", ["openness.foreignFirms"] = "8" };
        Assert.Empty(Errors(round));

        round.Relaxations = new() { ["gate.revenue"] = "120", ["tiers.output"] = "30", ["openness.foreignFirms"] = "八" };
        var errors = Errors(round);

        Assert.Equal("“企业年营业总收入”放宽后的数值须低于标准值100亿元", errors["Relaxations[gate.revenue]"]);
        Assert.Equal("“外资或合资企业数量”的放宽值须为不小于0、最多两位小数的数字", errors["Relaxations[openness.foreignFirms]"]);
        Assert.StartsWith("“tiers.output”不是中外中小企业合作区认定标准", errors["Relaxations"], StringComparison.Ordinal);
    }

    [Fact]
    public void Relaxed_values_without_a_region_to_apply_to_are_refused()
    {
        var round = ZoneRound();
        round.RelaxedRegionClasses = [];
        round.Relaxations = new() { ["gate.revenue"] = "80" };

        Assert.Equal("已填写放宽后的数值，请选择适用放宽的地区", Errors(round)["RelaxedRegionClasses"]);
    }

    [Fact]
    public void Only_the_ministry_or_a_provincial_authority_organises_a_round()
    {
        var prefecture = new Organisation { Name = "昌吉州", Level = OrganisationLevel.Prefecture, RegionCode = "652300" };

        Assert.Equal("只有部级单位或省级中小企业主管部门可以组织申报批次", Errors(XinjiangReview(), prefecture)["Organiser"]);
    }
}
