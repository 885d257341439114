namespace SmeZones.Core.Assessment;

/// <summary>Gates the applicant declares with 是/否 on the form (no accidents, not a prohibited industry …).</summary>
internal static class Declarations
{
    /// <param name="expected">The answer that meets the rule: "no" for "是否发生…事故", "yes" for "是否符合…".</param>
    public static RequirementResult Check(AssessmentInput input, Rule rule, string key, string expected)
    {
        var question = input.Label(key);
        var answer = input.Choice(key);
        if (answer is not ("yes" or "no"))
        {
            var problem = answer is null ? "未填写" : $"的回答“{answer}”无法识别";
            return rule.Result(RequirementOutcome.DataMissing, $"申报表“{question}”{problem}", [new FigureUsed(question, null, string.Empty, key, null, answer)]);
        }

        var said = answer == "yes" ? "是" : "否";
        var holds = answer == expected;
        var explanation = $"申报表“{question}”填写为“{said}”，{(holds ? "符合" : "不符合")}“{rule.Text}”";
        return rule.Result(holds ? RequirementOutcome.Met : RequirementOutcome.NotMet, explanation, [new FigureUsed(question, null, string.Empty, key, null, said)]);
    }

    /// <summary>"无", "没有", "暂无" and the like: the 填报说明 ask for "无" where nothing applies.</summary>
    public static bool SaysNone(string text) =>
        Forms.FormText.NormaliseForComparison(text).TrimEnd('.', '。') is "无" or "没有" or "暂无" or "尚无" or "/" or "-" or "—";
}
