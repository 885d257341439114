namespace SmeZones.Core.Assessment;

/// <summary>The reviewer's points checked against the zone standard's pass rule, with the reasons.</summary>
/// <param name="IsValid">False when a dimension is missing, unknown, out of 0..max or not a multiple of 0.5.</param>
/// <param name="Errors">Why the points are not valid (Chinese).</param>
/// <param name="Total">Sum of the points given.</param>
/// <param name="Passed">All gates met, total ≥ 60 and 开放合作 ≥ 18 (false when not valid).</param>
/// <param name="Reasons">Each condition of the pass rule, met or not (Chinese).</param>
public sealed record ZoneScoreResult(bool IsValid, IReadOnlyList<string> Errors, decimal Total, bool Passed, IReadOnlyList<string> Reasons);

/// <summary>A suggested score for one dimension; <see cref="Points"/> is null when nothing in it can be checked.</summary>
public sealed record SuggestedPoints(string DimensionKey, string Title, decimal MaxPoints, decimal? Points, string Basis);

/// <summary>
/// Scoring under 认定标准（2024年版）: "合作区认定实行百分评分制，设置以下五个方面指标，总分须达到60分及以上，
/// 其中“具有较高开放合作水平”须达到18分及以上". The reviewer awards the points; this checks them.
/// </summary>
public static class ZoneScore
{
    public const string Gates = "gates";
    public const string Plan = "plan";
    public const string Openness = "openness";
    public const string Innovation = "innovation";
    public const string Quality = "quality";
    public const string Service = "service";

    /// <summary>"总分须达到60分及以上" — 及以上 includes 60.</summary>
    public const decimal PassTotal = 60m;

    /// <summary>"“具有较高开放合作水平”须达到18分及以上".</summary>
    public const decimal OpennessMinimum = 18m;

    /// <summary>Reviewers award half points at the finest.</summary>
    public const decimal Step = 0.5m;

    /// <summary>一 15分, 二 30分, 三 20分, 四 15分, 五 20分 (the headings of the standard).</summary>
    public static IReadOnlyDictionary<string, decimal> MaxPoints { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [Plan] = 15m,
        [Openness] = 30m,
        [Innovation] = 20m,
        [Quality] = 15m,
        [Service] = 20m,
    };

    /// <summary>Checks the points of an assessment made with zone-2024.</summary>
    public static ZoneScoreResult Evaluate(Assessment assessment, IReadOnlyDictionary<string, decimal> points) =>
        assessment.CriteriaEditionKey == Zone2024Criteria.EditionKey
            ? Evaluate(points, assessment.AllGatesMet)
            : throw new ArgumentException($"Points are scored only under {Zone2024Criteria.EditionKey}, not {assessment.CriteriaEditionKey}.", nameof(assessment));

    /// <summary>Checks dimension key → points (0..max, steps of 0.5) and the pass rule.</summary>
    public static ZoneScoreResult Evaluate(IReadOnlyDictionary<string, decimal> points, bool allGatesMet)
    {
        var errors = Validate(points);
        var total = points.Values.Sum();
        if (errors.Count > 0)
        {
            return new ZoneScoreResult(false, errors, total, false, ["评分无效，未判定是否通过"]);
        }

        var openness = points[Openness];
        var reasons = new List<string>
        {
            allGatesMet ? "认定门槛均已满足" : "认定门槛未全部满足",
            total >= PassTotal ? $"总分 {Fmt.Number(total)} 分，达到60分及以上" : $"总分 {Fmt.Number(total)} 分，未达到60分",
            openness >= OpennessMinimum ? $"“具有较高开放合作水平” {Fmt.Number(openness)} 分，达到18分及以上" : $"“具有较高开放合作水平” {Fmt.Number(openness)} 分，未达到18分",
        };
        return new ZoneScoreResult(true, [], total, allGatesMet && total >= PassTotal && openness >= OpennessMinimum, reasons);
    }

    /// <summary>
    /// A suggestion only: the standard does not publish how points split inside a dimension. The
    /// suggestion is the dimension's maximum × the share of its checkable requirements that are met
    /// (ReviewerJudgement items are left out; DataMissing counts as not met), rounded down to 0.5.
    /// </summary>
    public static IReadOnlyList<SuggestedPoints> Suggest(Assessment assessment) =>
        assessment.Groups.Where(g => g.Kind == GroupKind.Dimension && g.MaxPoints is not null).Select(Suggest).ToList();

    private static SuggestedPoints Suggest(AssessmentGroup group)
    {
        var max = group.MaxPoints!.Value;
        var checkable = group.Requirements.Where(r => r.Outcome != RequirementOutcome.ReviewerJudgement).ToList();
        var judged = group.Requirements.Count - checkable.Count;
        if (checkable.Count == 0)
        {
            return new SuggestedPoints(group.Key, group.Title, max, null, "本维度各项均需评审判断，不提供建议分");
        }

        var met = checkable.Count(r => r.Outcome == RequirementOutcome.Met);
        var points = Math.Floor(max * met / checkable.Count / Step) * Step;
        var basis = $"可核验要求满足 {met}/{checkable.Count} 项（另有 {judged} 项需评审判断，未计入），按比例建议 {Fmt.Number(points)} 分；仅供参考，认定标准未公布维度内分值分配，分数由评审确定";
        return new SuggestedPoints(group.Key, group.Title, max, points, basis);
    }

    private static List<string> Validate(IReadOnlyDictionary<string, decimal> points)
    {
        var errors = new List<string>();
        foreach (var key in points.Keys.Where(k => !MaxPoints.ContainsKey(k)))
        {
            errors.Add($"未知的评分维度“{key}”");
        }

        foreach (var (key, max) in MaxPoints)
        {
            if (!points.TryGetValue(key, out var value))
            {
                errors.Add($"维度“{key}”缺少评分");
            }
            else if (value < 0 || value > max)
            {
                errors.Add($"维度“{key}”的分数 {Fmt.Number(value)} 超出 0–{Fmt.Number(max)} 分");
            }
            else if (value % Step != 0)
            {
                errors.Add($"维度“{key}”的分数 {Fmt.Number(value)} 不是0.5分的整数倍");
            }
        }

        return errors;
    }
}
