namespace SmeZones.Core.Forms;

/// <summary>
/// The official forms ask some things twice: 合作区/集群名称, 主管部门 and 运营管理机构 on the cover and again in 一、基本情况
/// (<c>cover.X</c>, then <c>basic.X</c>). A blank second one is shown filled from the first, still editable, as an
/// officer copying the paper form would; it is saved only when the section is saved.
/// </summary>
public static class RepeatedFields
{
    /// <summary>The answers to show in the section: the same instance when there is nothing to fill.</summary>
    public static FormAnswers Prefill(FormDefinition definition, int roundYear, FormAnswers answers, string sectionKey)
    {
        FormAnswers? result = null;
        var cover = definition.Cover.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var slot in FormAnswerKeys.For(definition, roundYear).Where(s => s.SectionKey == sectionKey && s.Key.StartsWith("basic.", StringComparison.Ordinal)))
        {
            var source = "cover." + slot.Key["basic.".Length..];
            if (cover.Contains(source) && !answers.IsFilled(slot.Key) && answers.IsFilled(source))
            {
                result ??= new FormAnswers(answers.Values);
                result.Set(slot.Key, answers.Get(source));
            }
        }
        return result ?? answers;
    }
}
