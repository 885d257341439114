using FluentValidation;
using FluentValidation.Results;
using SmeZones.Core.Assessment;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Campaigns;

/// <summary>
/// The one set of rules for a round, used by the round editor and by the create-round verb. Property names are the
/// definition's ("Name", "Stages[1].Quota"), so the editor can show each message beside its field.
/// Whether another round of the programme and year is open needs the database: <see cref="RoundSetup"/> checks that.
/// </summary>
public sealed class RoundDefinitionValidator : AbstractValidator<RoundDefinition>
{
    public const int MaxQuota = 1000;

    public RoundDefinitionValidator(Organisation organiser, FormEditionCatalogue? forms = null)
    {
        var catalogue = forms ?? FormEditionCatalogue.Default;
        RuleFor(d => d).Custom((d, context) => Check(d, organiser, catalogue, (field, message) => context.AddFailure(new ValidationFailure(field, message))));
    }

    private static void Check(RoundDefinition d, Organisation organiser, FormEditionCatalogue forms, Action<string, string> fail)
    {
        if (organiser.Level is not (OrganisationLevel.Ministry or OrganisationLevel.ProvincialUnit))
        {
            fail(nameof(d.Organiser), "只有部级单位或省级中小企业主管部门可以组织申报批次");
        }
        Text(d.Name, nameof(d.Name), "批次名称", 128, fail);
        Text(d.NoticeNumber, nameof(d.NoticeNumber), "通知文号", 256, fail);
        Text(d.OfficialDeadline, nameof(d.OfficialDeadline), "通知规定的报送时限", 256, fail);

        var programmeOk = Enum.TryParse<Programme>(d.Programme?.Trim(), out var programme) && Enum.IsDefined(programme) && !int.TryParse(d.Programme, out _);
        if (!programmeOk)
        {
            fail(nameof(d.Programme), "请选择申报项目");
        }
        var yearOk = int.TryParse(d.Year?.Trim(), out var year) && year is >= 2000 and <= 2100;
        if (!yearOk)
        {
            fail(nameof(d.Year), "请填写年度（四位数字，如2027）");
        }
        CheckEdition(d, programmeOk ? programme : null, yearOk ? year : null, forms, fail);

        var opensOk = RoundDefinition.TryParseTime(d.OpensAt, out var opens);
        var closesOk = RoundDefinition.TryParseTime(d.ClosesAt, out var closes);
        if (!opensOk)
        {
            fail(nameof(d.OpensAt), "请填写开始受理时间（北京时间，如2027-07-01 09:00）");
        }
        if (!closesOk)
        {
            fail(nameof(d.ClosesAt), "请填写截止时间（北京时间，如2027-08-15 17:00）");
        }
        else if (opensOk && closes <= opens)
        {
            fail(nameof(d.ClosesAt), "截止时间须晚于开始受理时间");
        }

        var applicantOk = StageDefinition.TryParseLevel(d.ApplicantLevel, out var applicantLevel)
            && applicantLevel is OrganisationLevel.County or OrganisationLevel.Prefecture;
        if (!applicantOk)
        {
            fail(nameof(d.ApplicantLevel), "请选择申报单位层级（地市级或县级）");
        }
        CheckChain(d, organiser, applicantOk ? applicantLevel : null, closesOk ? closes : null, fail);
        CheckRelaxations(d, fail);

        if (!int.TryParse(d.IntroMaxChars?.Trim(), out var intro) || intro is < 50 or > 1000)
        {
            fail(nameof(d.IntroMaxChars), "简介字数上限须为50至1000之间的整数");
        }
    }

    private static void CheckEdition(RoundDefinition d, Programme? programme, int? year, FormEditionCatalogue forms, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(d.FormEdition) || !forms.TryGet(d.FormEdition.Trim(), out var edition) || edition is null)
        {
            fail(nameof(d.FormEdition), "请从目录中选择申报表版本");
            return;
        }
        if (programme is { } p && edition.Programme.ToString() != p.ToString())
        {
            fail(nameof(d.FormEdition), $"申报表“{edition.Title}”（{edition.Key}）不属于所选申报项目（{p.ToChinese()}）");
            return;
        }
        if (year is { } y && edition.RoundYear != y)
        {
            var dataYears = edition.DataYears.Select(o => edition.RoundYear + o).Order().ToList();
            fail(nameof(d.FormEdition),
                $"申报表 {edition.Key} 的数据年份为{dataYears.First()}—{dataYears.Last()}年，适用于{edition.RoundYear}年度，与本批次年度（{y}年）不符");
        }
        if (CriteriaEditions.ForForm(edition.Key).Count != 1)
        {
            fail(nameof(d.FormEdition), $"申报表 {edition.Key} 没有对应的认定标准，暂不能用于申报批次");
        }
    }

    private static void CheckChain(RoundDefinition d, Organisation organiser, OrganisationLevel? applicantLevel, DateTimeOffset? closes, Action<string, string> fail)
    {
        if (d.Stages.Count == 0)
        {
            fail(nameof(d.Stages), "请至少设置一级审核环节");
            return;
        }
        OrganisationLevel? previousLevel = null;
        DateTimeOffset? previousDeadline = null;
        for (var i = 0; i < d.Stages.Count; i++)
        {
            var stage = d.Stages[i];
            var at = $"Stages[{i}].";
            var number = i + 1;
            Text(stage.Name, at + nameof(stage.Name), $"第{number}级审核环节的名称", 64, fail);
            if (!StageDefinition.TryParseLevel(stage.Level, out var level) || level == OrganisationLevel.County)
            {
                fail(at + nameof(stage.Level), $"请选择第{number}级审核环节的层级");
            }
            else
            {
                if (applicantLevel is { } applicant && level <= applicant)
                {
                    fail(at + nameof(stage.Level), $"第{number}级审核环节（{level.ToChinese()}）须高于申报单位层级（{applicant.ToChinese()}）");
                }
                else if (previousLevel is { } previous && level <= previous)
                {
                    fail(at + nameof(stage.Level), $"第{number}级审核环节（{level.ToChinese()}）须高于上一级（{previous.ToChinese()}），审核逐级向上");
                }
                else if (i == 0 && applicantLevel is { } a && SkipsApplicantsReviewer(organiser, a, level))
                {
                    fail(at + nameof(stage.Level),
                        $"审核流程跳过了{(a + 1).ToChinese()}：省级组织的批次，{a.ToChinese()}申报单位须先经{(a + 1).ToChinese()}初审");
                }
                if (level > organiser.Level)
                {
                    fail(at + nameof(stage.Level), $"第{number}级审核环节（{level.ToChinese()}）高于组织单位的层级（{organiser.Level.ToChinese()}）");
                }
                if (i == d.Stages.Count - 1 && level != organiser.Level && level < organiser.Level)
                {
                    fail(at + nameof(stage.Level), $"审核流程须以组织单位的层级（{organiser.Level.ToChinese()}）结束");
                }
                previousLevel = level;
            }

            if (!RoundDefinition.TryParseTime(stage.Deadline, out var deadline))
            {
                fail(at + nameof(stage.Deadline), $"请填写第{number}级审核环节的截止时间（北京时间，如2027-09-15 17:00）");
            }
            else
            {
                if (closes is { } c && deadline < c)
                {
                    fail(at + nameof(stage.Deadline), $"第{number}级审核环节的截止时间不能早于申报截止时间");
                }
                else if (previousDeadline is { } p && deadline < p)
                {
                    fail(at + nameof(stage.Deadline), $"第{number}级审核环节的截止时间不能早于上一级的截止时间");
                }
                previousDeadline = deadline;
            }

            Quota(stage.Quota, at + nameof(stage.Quota), $"第{number}级的名额", fail);
            Quota(stage.SeparatelyPlannedCityQuota, at + nameof(stage.SeparatelyPlannedCityQuota), $"第{number}级计划单列市的名额", fail);
            Quota(stage.BingtuanQuota, at + nameof(stage.BingtuanQuota), $"第{number}级兵团的名额", fail);
        }
    }

    // A provincial round climbs level by level (县 → 地州 → 自治区); a national round may start at the provincial level.
    private static bool SkipsApplicantsReviewer(Organisation organiser, OrganisationLevel applicant, OrganisationLevel first) =>
        organiser.Level == OrganisationLevel.ProvincialUnit && first > applicant + 1;

    public const int MaxRelaxations = 50;

    /// <summary>
    /// Which region classes are relaxed and, threshold by threshold of the form's criteria edition, to what. A relaxed
    /// value must be looser than the standard's (lower where the standard sets a minimum, higher where a maximum).
    /// </summary>
    private static void CheckRelaxations(RoundDefinition d, Action<string, string> fail)
    {
        if (d.RelaxedRegionClasses.Count == 0 && d.Relaxations.Count == 0)
        {
            return;
        }
        IReadOnlyList<CriteriaEdition> criteria = string.IsNullOrWhiteSpace(d.FormEdition) ? [] : CriteriaEditions.ForForm(d.FormEdition.Trim());
        if (criteria.Count != 1)
        {
            fail(nameof(d.Relaxations), "请先选择申报表版本，再设置放宽");
            return;
        }
        var edition = criteria[0];
        foreach (var name in d.RelaxedRegionClasses)
        {
            if (!Enum.TryParse<RegionClass>(name, out var regionClass) || int.TryParse(name, out _) || !edition.RelaxableClasses.Contains(regionClass))
            {
                var allowed = string.Join("、", edition.RelaxableClasses.Select(c => c.ToDisplayName()));
                fail(nameof(d.RelaxedRegionClasses), $"认定标准只允许对{allowed}地区适当放宽");
                return;
            }
        }
        if (d.Relaxations.Count > MaxRelaxations)
        {
            fail(nameof(d.Relaxations), "放宽指标过多");
            return;
        }
        foreach (var (key, value) in d.Relaxations)
        {
            var field = $"{nameof(d.Relaxations)}[{key}]";
            var threshold = edition.Thresholds.FirstOrDefault(t => t.Key == key);
            if (threshold is null)
            {
                fail(nameof(d.Relaxations), $"“{(key.Length > 64 ? key[..64] + "…" : key)}”不是{edition.Title}的可放宽指标（更换申报表版本后请重新设置放宽）");
                continue;
            }
            var standard = $"{threshold.Value:0.##}{threshold.Unit}";
            var lowerIsLooser = threshold.Comparison is Comparison.AtLeast or Comparison.Above;
            if (!FormNumbers.TryParse(value, out var relaxed, out var decimals) || decimals > 2 || relaxed < 0 || relaxed > 1_000_000)
            {
                fail(field, $"“{threshold.Title}”的放宽值须为不小于0、最多两位小数的数字");
            }
            else if (lowerIsLooser ? relaxed >= threshold.Value : relaxed <= threshold.Value)
            {
                fail(field, $"“{threshold.Title}”放宽后的数值须{(lowerIsLooser ? "低于" : "高于")}标准值{standard}");
            }
        }
        if (d.Relaxations.Count > 0 && d.RelaxedRegionClasses.Count == 0)
        {
            fail(nameof(d.RelaxedRegionClasses), "已填写放宽后的数值，请选择适用放宽的地区");
        }
    }

    private static void Text(string? value, string field, string label, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, $"请填写{label}");
        }
        else if (value.Trim().Length > max)
        {
            fail(field, $"{label}不能超过{max}个字符");
        }
    }

    private static void Quota(string? value, string field, string label, Action<string, string> fail)
    {
        if (!RoundDefinition.TryParseCount(value, out var quota))
        {
            fail(field, $"{label}须为整数（不限名额请留空）");
        }
        else if (quota < 0)
        {
            fail(field, $"{label}不能为负数");
        }
        else if (quota > MaxQuota)
        {
            fail(field, $"{label}不能超过{MaxQuota}");
        }
    }
}
