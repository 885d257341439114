namespace SmeZones.Core.Assessment;

/// <summary>
/// Form 004's "运营管理机构 … 是否发生变化 □是（需附情况说明） □否". A change is not a failure, but it must have been
/// explained and filed, which the form cannot show: "是" puts it before the reviewer (需审核人判断), "否" meets it.
/// </summary>
internal static class OperatorChange
{
    public const string Key = "gate.operatorChangeFiled";

    public static readonly Rule Rule = new(Key, "运营管理机构变化已说明并备案",
        "运营管理机构是否发生变化：是（需附情况说明）", "复核申报表（004）一、基本情况");

    public static RequirementResult Evaluate(AssessmentInput input)
    {
        const string answerKey = "basic.operatorChanged";
        const string question = "集群运营管理机构是否发生变化";
        var answer = input.Choice(answerKey);
        var operatorName = input.Text("basic.operator");
        FigureUsed Figure(string? said) => new(question, null, string.Empty, input.Map(answerKey), null, said);
        return answer switch
        {
            "no" => Rule.Result(RequirementOutcome.Met, "申报表填写运营管理机构未发生变化", [Figure("否")]),
            "yes" => Rule.Result(RequirementOutcome.ReviewerJudgement,
                $"申报表填写运营管理机构已发生变化（现为“{operatorName ?? "未填写"}”）：请核实是否已附情况说明，变化是否已按规定报备；需审核人核实后判断",
                [Figure("是")]),
            null => Rule.Result(RequirementOutcome.DataMissing, "申报表“集群运营管理机构是否发生变化”未填写", [Figure(null)]),
            _ => Rule.Result(RequirementOutcome.DataMissing, $"申报表“集群运营管理机构是否发生变化”的回答“{answer}”无法识别", [Figure(answer)]),
        };
    }
}
