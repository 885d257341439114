using SmeZones.Core.Assessment;
using SmeZones.Core.Review;
using static SmeZones.Core.Tests.Assessment.AssessmentFixtures;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Tests.Review;

public class ScoringRulesTests
{
    private const string Openness = ZoneScore.Openness;

    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("29.5", 29.5)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("１２.５", 12.5)] // full-width digits, as a Chinese IME types them
    [InlineData("12.50", 12.5)]
    public void Points_from_0_to_the_maximum_in_half_points_are_accepted(string typed, decimal expected)
    {
        var assessment = Zone();

        var result = ScoringRules.Validate(assessment, Input(assessment, Openness, typed));

        Assert.True(result.IsValid, string.Join("；", result.Errors.Select(e => e.Message)));
        Assert.Equal(expected, result.Points[Openness]);
    }

    [Theory]
    [InlineData("30.5", "“具有较高开放合作水平”的得分不能超过 30 分")]
    [InlineData("31", "“具有较高开放合作水平”的得分不能超过 30 分")]
    [InlineData("-1", "“具有较高开放合作水平”的得分不能小于 0 分")]
    [InlineData("-0.5", "“具有较高开放合作水平”的得分不能小于 0 分")]
    [InlineData("0.25", "“具有较高开放合作水平”的得分须为 0.5 分的整数倍（如 12 或 12.5）")]
    [InlineData("15.3", "“具有较高开放合作水平”的得分须为 0.5 分的整数倍（如 12 或 12.5）")]
    [InlineData("abc", "“具有较高开放合作水平”的得分须为数字，例如 12 或 12.5")]
    [InlineData("1,5", "“具有较高开放合作水平”的得分须为数字，例如 12 或 12.5")]
    [InlineData("12分", "“具有较高开放合作水平”的得分须为数字，例如 12 或 12.5")]
    [InlineData("", "请填写“具有较高开放合作水平”的得分（0–30 分）")]
    [InlineData(null, "请填写“具有较高开放合作水平”的得分（0–30 分）")]
    public void Points_outside_the_rule_are_refused_next_to_the_dimension_and_nothing_is_kept_for_it(string? typed, string message)
    {
        var assessment = Zone();

        var result = ScoringRules.Validate(assessment, Input(assessment, Openness, typed));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ScoringRules.PointsKey(Openness), message), (error.Key, error.Message));
        Assert.False(result.Points.ContainsKey(Openness));
        Assert.Equal(4, result.Points.Count);
    }

    [Fact]
    public void The_suggested_points_need_no_comment_but_any_departure_does()
    {
        var assessment = Zone();
        var suggested = ScoringRules.Dimensions(assessment).Single(d => d.Key == Openness).SuggestedPoints!.Value;
        var points = Suggested(assessment);

        Assert.True(ScoringRules.Validate(assessment, new ScoringInput(points, Empty, Empty)).IsValid);

        points[Openness] = (suggested - 0.5m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var departing = ScoringRules.Validate(assessment, new ScoringInput(points, Empty, Empty));
        var error = Assert.Single(departing.Errors);
        Assert.Equal(ScoringRules.CommentKey(Openness), error.Key);
        Assert.Equal($"“具有较高开放合作水平”的得分 {suggested - 0.5m:0.#} 分与建议分 {suggested:0.#} 分不同，请说明理由", error.Message);

        var blank = ScoringRules.Validate(assessment, new ScoringInput(points, Empty, new Dictionary<string, string?> { [Openness] = "  " }));
        Assert.Single(blank.Errors);

        var explained = ScoringRules.Validate(assessment, new ScoringInput(points, Empty, new Dictionary<string, string?> { [Openness] = " 合作机制尚未落地 " }));
        Assert.True(explained.IsValid);
        Assert.Equal("合作机制尚未落地", explained.Comments[Openness]);
    }

    [Fact]
    public void The_suggestion_follows_the_assessment_so_a_missing_figure_lowers_it()
    {
        var passing = ScoringRules.Dimensions(Zone()).Single(d => d.Key == Openness);
        var missing = ScoringRules.Dimensions(Zone(EveryYear("openness.foreignFirms", ""))).Single(d => d.Key == Openness);

        Assert.Equal(30m, passing.MaxPoints);
        Assert.Equal(18m, passing.MinPointsToPass);
        Assert.True(missing.SuggestedPoints < passing.SuggestedPoints);
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Comments_are_limited_to_2000_characters(int length, bool valid)
    {
        var assessment = Zone();
        var comments = new Dictionary<string, string?> { [Openness] = new string('评', length) };

        var result = ScoringRules.Validate(assessment, new ScoringInput(Suggested(assessment), Empty, comments));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(ScoringRules.CommentKey(Openness), Assert.Single(result.Errors).Key);
        }
    }

    [Fact]
    public void The_pass_rule_is_applied_to_complete_points_only()
    {
        var assessment = Zone();
        var full = ZoneScore.MaxPoints.ToDictionary(p => p.Key, p => p.Value);

        Assert.True(ScoringRules.Result(assessment, full)!.Passed);
        Assert.Equal(100m, ScoringRules.Result(assessment, full)!.Total);
        Assert.False(ScoringRules.Result(assessment, new Dictionary<string, decimal>(full) { [Openness] = 17.5m })!.Passed);
        Assert.Null(ScoringRules.Result(assessment, full.Where(p => p.Key != Openness).ToDictionary()));
        Assert.Null(ScoringRules.Result(Cluster(), full));
    }

    [Fact]
    public void Zones_are_scored_on_the_five_dimensions_and_clusters_judged_on_every_group_but_the_gates()
    {
        Assert.Equal(ScoringKind.Points, ScoringRules.KindOf(Zone()));
        Assert.Equal([ZoneScore.Plan, ZoneScore.Openness, ZoneScore.Innovation, ZoneScore.Quality, ZoneScore.Service], ScoringRules.Dimensions(Zone()).Select(d => d.Key));
        Assert.Equal(ScoringKind.Judgements, ScoringRules.KindOf(Cluster()));
        Assert.Equal(["core", "tiers", "chain", "innovation", "digital", "green", "open", "governance", "plan"], ScoringRules.Dimensions(Cluster()).Select(d => d.Key));
        Assert.Equal(["completion", "plan"], ScoringRules.Dimensions(ClusterReview()).Select(d => d.Key));
        Assert.All(ScoringRules.Dimensions(Cluster()), d => Assert.Null(d.MaxPoints));
    }

    [Fact]
    public void Every_cluster_judgement_needs_pass_or_fail_and_a_reason()
    {
        var assessment = Cluster();
        var keys = ScoringRules.Dimensions(assessment).Select(d => d.Key).ToList();
        var judgements = keys.ToDictionary(k => k, string? (_) => ScoringRules.Pass);
        var reasons = keys.ToDictionary(k => k, string? (_) => "符合认定标准");
        judgements["core"] = ScoringRules.Fail;
        judgements["chain"] = "maybe";
        judgements.Remove("green");
        reasons["open"] = " ";

        var result = ScoringRules.Validate(assessment, new ScoringInput(Empty, judgements, reasons));

        Assert.Equal(
            [ScoringRules.JudgementKey("chain"), ScoringRules.JudgementKey("green"), ScoringRules.CommentKey("open")],
            result.Errors.Select(e => e.Key));
        var open = ScoringRules.Dimensions(assessment).Single(d => d.Key == "open").Title;
        Assert.Equal($"请填写“{open}”的判断理由", result.Errors[2].Message);
        Assert.Equal(ScoringRules.Fail, result.Judgements["core"]);
        Assert.Empty(result.Points);
    }

    [Fact]
    public void Cluster_judgements_with_reasons_are_valid()
    {
        var assessment = ClusterReview();
        var keys = ScoringRules.Dimensions(assessment).Select(d => d.Key).ToList();

        var result = ScoringRules.Validate(assessment, new ScoringInput(Empty,
            keys.ToDictionary(k => k, string? (_) => ScoringRules.Fail), keys.ToDictionary(k => k, string? (_) => "目标未完成")));

        Assert.True(result.IsValid);
        Assert.Equal(keys, result.Judgements.Keys);
    }

    [Fact]
    public void The_shape_check_refuses_each_bad_value_by_its_dimensions_maximum_and_lets_blanks_and_good_values_through()
    {
        var points = new Dictionary<string, string?>
        {
            [ZoneScore.Plan] = "15", [Openness] = "30.5", [ZoneScore.Innovation] = "", [ZoneScore.Quality] = "7.3", [ZoneScore.Service] = "20",
        };
        var input = new ScoringInput(points, new Dictionary<string, string?> { ["core"] = "maybe", ["plan"] = ScoringRules.Pass },
            new Dictionary<string, string?> { [ZoneScore.Plan] = new string('说', ScoringRules.MaxCommentLength + 1), [Openness] = " 理由 " });

        var errors = ScoringRules.CheckShape(input).ToDictionary(e => e.Key, e => e.Message);

        Assert.Equal(
            new Dictionary<string, string>
            {
                [ScoringRules.PointsKey(Openness)] = "得分不能超过 30 分",
                [ScoringRules.PointsKey(ZoneScore.Quality)] = "得分须为 0.5 分的整数倍（如 12 或 12.5）",
                [ScoringRules.JudgementKey("core")] = "请选择“通过”或“不通过”",
                [ScoringRules.CommentKey(ZoneScore.Plan)] = $"说明不能超过 {ScoringRules.MaxCommentLength} 个字（现有 {ScoringRules.MaxCommentLength + 1} 个字）",
            },
            errors);
    }

    [Fact]
    public void A_posted_sheet_with_more_dimensions_or_longer_keys_than_any_edition_is_refused_as_a_whole()
    {
        var many = Enumerable.Range(0, ScoringRules.MaxPostedDimensions + 1).ToDictionary(i => $"d{i}", string? (_) => "1");
        var longKey = new Dictionary<string, string?> { [new string('k', ScoringRules.MaxKeyLength + 1)] = "1" };

        Assert.True(Assert.Single(ScoringRules.CheckShape(new ScoringInput(many, Empty, Empty))).IsForRequest);
        Assert.True(Assert.Single(ScoringRules.CheckShape(new ScoringInput(Empty, Empty, longKey))).IsForRequest);
        Assert.Empty(ScoringRules.CheckShape(new ScoringInput(Empty, Empty, Empty)));
    }

    private static readonly Dictionary<string, string?> Empty = [];

    /// <summary>The engine's suggestion everywhere (no comments needed), then the one dimension as typed, with a comment.</summary>
    private static ScoringInput Input(AssessmentResult assessment, string key, string? typed)
    {
        var points = Suggested(assessment);
        points[key] = typed;
        return new ScoringInput(points, Empty, new Dictionary<string, string?> { [key] = "按实地抽查情况评分" });
    }

    private static Dictionary<string, string?> Suggested(AssessmentResult assessment) =>
        ScoringRules.Dimensions(assessment).ToDictionary(d => d.Key, d => (string?)(d.SuggestedPoints ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
