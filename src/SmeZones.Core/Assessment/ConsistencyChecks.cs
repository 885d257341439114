using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>
/// Checks for figures that cannot all be true. They warn; they never change an outcome.
/// <para>
/// Tolerance for a stated figure against the portal's computation from the yearly values
/// (<see cref="StatedVsComputed"/>): the larger of 1 percentage point (or 1 unit) and 1% of the computed
/// value. The forms keep 2 decimals and officers often compute from unrounded statistics or another
/// base year, so small gaps are expected; a gap beyond that means one of the figures is wrong.
/// </para>
/// </summary>
internal static class ConsistencyChecks
{
    public const decimal AbsoluteTolerance = 1.00m;
    public const decimal RelativeTolerance = 0.01m;

    public static decimal ToleranceFor(decimal computed) => Math.Max(AbsoluteTolerance, Math.Abs(computed) * RelativeTolerance);

    /// <summary>A 占比 (%) above 100 — impossible.</summary>
    public static IEnumerable<ConsistencyWarning> SharesWithin100(AssessmentInput input, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (input.Number(key, "%").Value is > 100m and var value)
            {
                yield return new("shareOver100", $"“{input.Label(key)}”为 {Fmt.Number(value)}%，占比不可能超过100%", [key]);
            }
        }
    }

    /// <summary>A growth rate below −100% — a value cannot fall by more than all of it.</summary>
    public static IEnumerable<ConsistencyWarning> RatesAboveMinus100(AssessmentInput input, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (input.Number(key, "%").Value is < -100m and var value)
            {
                yield return new("rateBelowMinus100", $"“{input.Label(key)}”为 {Fmt.Number(value)}%，降幅不可能超过100%", [key]);
            }
        }
    }

    /// <summary>A part larger than its total in the same year, e.g. 集群中小企业数量 &gt; 集群企业数量.</summary>
    public static IEnumerable<ConsistencyWarning> PartNotAboveTotal(AssessmentInput input, string partKey, string totalKey)
    {
        var part = input.Number(partKey, string.Empty).Value;
        var total = input.Number(totalKey, string.Empty).Value;
        if (part > total)
        {
            yield return new("partExceedsTotal", $"“{input.Label(partKey)}”{Fmt.Number(part!.Value)} 大于“{input.Label(totalKey)}”{Fmt.Number(total!.Value)}，部分不可能多于总数", [partKey, totalKey]);
        }
    }

    /// <summary>
    /// Every figure the edition's <c>computations</c> suggest for an answer the officer also fills (e.g.
    /// 近三年集群主导产业产值年均增速, 单位产值能耗降低率, 每万人有效发明专利拥有量) compared with what was typed.
    /// </summary>
    public static IEnumerable<ConsistencyWarning> StatedVsComputed(AssessmentInput input)
    {
        foreach (var suggestion in FormComputations.Suggest(input.Form, input.RoundYear, input.Answers))
        {
            if (!input.HasKey(suggestion.Key) || input.Number(suggestion.Key, string.Empty).Value is not { } stated)
            {
                continue;
            }

            if (Math.Abs(stated - suggestion.Value) > ToleranceFor(suggestion.Value))
            {
                yield return new("statedRateContradicts", $"“{input.Label(suggestion.Key)}”填写为 {Fmt.Number(stated)}，与各年数据推算的 {Fmt.Number(suggestion.Value)} 相差超过容差（{Fmt.Number(ToleranceFor(suggestion.Value))}）。推算：{suggestion.Explanation}", [suggestion.Key]);
            }
        }
    }

    /// <summary>The same quantity given in two places of the form (e.g. a plan's 基准值 and the section's figure).</summary>
    public static IEnumerable<ConsistencyWarning> SameFigure(AssessmentInput input, string firstKey, decimal? first, string secondKey, decimal? second, string what)
    {
        if (first is { } a && second is { } b && Math.Abs(a - b) > ToleranceFor(b))
        {
            yield return new("sectionsDisagree", $"{what}：“{input.Label(firstKey)}”为 {Fmt.Number(a)}，“{input.Label(secondKey)}”为 {Fmt.Number(b)}，两处不一致", [firstKey, secondKey]);
        }
    }
}
