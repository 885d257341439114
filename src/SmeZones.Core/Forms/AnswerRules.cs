using System.Globalization;

namespace SmeZones.Core.Forms;

/// <summary>The checks of one answer, with kind, specific Chinese messages.</summary>
internal static class AnswerRules
{
    /// <summary>The first problem with the answer, or null.</summary>
    public static string? Check(AnswerSlot slot, string? value, FormAnswers answers, ValidationMode mode)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return mode == ValidationMode.Submit && IsRequired(slot, answers) ? Missing(slot) : null;
        }

        // Answers arrive through NotApplicableRows.Read: a "无" still in an optional row means the row is used.
        if (slot.OptionalRow is not null && FormText.IsNone(value))
        {
            return $"{slot.Label}不能填写“无”：本行已填写其他内容，请填写实际内容；整行不适用时，请各栏都填“无”或都留空";
        }

        return slot.Kind switch
        {
            SlotKind.Text or SlotKind.LongText => CheckText(slot, value),
            SlotKind.Number => CheckNumber(slot, value),
            SlotKind.Choice => slot.Options!.Any(o => o.Key == value.Trim()) ? null : $"请从给出的选项中选择{slot.Label}",
            SlotKind.Flag => CheckFlag(slot, value, mode),
            _ => null,
        };
    }

    private static bool IsRequired(AnswerSlot slot, FormAnswers answers) => slot.RequiredWhen switch
    {
        RequiredWhen.Always => true,
        RequiredWhen.Ticked => answers.IsTicked(slot.DependsOn[0]),
        RequiredWhen.PositiveCount => FormNumbers.Read(answers.Get(slot.DependsOn[0])) > 0,
        RequiredWhen.RowStarted => slot.DependsOn.Any(answers.IsFilled),
        _ => false,
    };

    private static string Missing(AnswerSlot slot) => slot switch
    {
        { RequiredWhen: RequiredWhen.Ticked } => $"已勾选“其他”，请填写“其他”的具体内容（{slot.Label}）",
        { Kind: SlotKind.Choice } => $"请选择{slot.Label}",
        { Kind: SlotKind.Flag } => $"请勾选确认{slot.Label}",
        { Kind: SlotKind.Number } => $"请填写{slot.Label}；没有时请填0",
        _ => $"请填写{slot.Label}；没有相关情况时请填写“无”",
    };

    private static string? CheckText(AnswerSlot slot, string value)
    {
        if (slot.MaxChars is not int max)
        {
            return null;
        }

        var count = FormText.CountCharacters(value.Trim());
        return count > max ? $"{slot.Label}不能超过{max}字（当前{count}字）" : null;
    }

    private static string? CheckNumber(AnswerSlot slot, string value)
    {
        // Full-width digits are normalised by FormNumbers rather than refused: officers type on Chinese IMEs.
        if (!FormNumbers.TryParse(value, out var number, out var decimals))
        {
            return FormText.IsNone(value)
                ? $"{slot.Label}请填写数字；没有时请填0"
                : $"{slot.Label}只能填写数字（不要填写文字、单位、百分号或千位分隔符）";
        }

        var spec = slot.Number ?? new NumberSpec();
        if (spec.WholeNumber == true && decimals > 0)
        {
            return $"{slot.Label}应为整数";
        }

        if (decimals > spec.MaxDecimals)
        {
            return spec.MaxDecimals == 2 ? $"{slot.Label}最多保留两位小数" : $"{slot.Label}最多保留{spec.MaxDecimals}位小数";
        }

        if (spec.Min == 0 && spec.Max == 100 && number is < 0 or > 100)
        {
            return $"{slot.Label}应在0到100之间";
        }

        if (number < spec.Min)
        {
            return spec.Min == 0 ? $"{slot.Label}不能为负数" : $"{slot.Label}不能小于{Show(spec.Min.Value)}";
        }

        return number > spec.Max ? $"{slot.Label}不能大于{Show(spec.Max.Value)}" : null;
    }

    private static string? CheckFlag(AnswerSlot slot, string value, ValidationMode mode)
    {
        var text = value.Trim();
        if (!text.Equals("true", StringComparison.OrdinalIgnoreCase) && !text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return $"{slot.Label}的勾选值无效";
        }

        return mode == ValidationMode.Submit && slot.RequiredWhen == RequiredWhen.Always && !text.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? Missing(slot)
            : null;
    }

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
