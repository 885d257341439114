using SmeZones.Core.ExpertReview;

namespace SmeZones.Core.Tests.ExpertReview;

/// <summary>The experts' aggregate: mean, trimmed mean, spread, flags and the 认定标准's pass rule on the aggregate.</summary>
public class AggregateTests
{
    private static SheetScore Zone(decimal total, decimal openness = 20m) => new(total, openness, total >= 60 && openness >= 18);

    [Fact]
    public void With_four_sheets_nothing_is_trimmed()
    {
        var result = ExpertAggregate.Compute([Zone(50), Zone(70), Zone(72), Zone(90)], gatesMet: true, spreadThreshold: 50);

        Assert.Equal(70.5m, result.Mean);
        Assert.Equal(70.5m, result.TrimmedMean);
        Assert.Equal(40m, result.Spread);
    }

    [Fact]
    public void With_five_sheets_one_highest_and_one_lowest_are_dropped()
    {
        var result = ExpertAggregate.Compute([Zone(90), Zone(50), Zone(70), Zone(72), Zone(68)], gatesMet: true, spreadThreshold: 50);

        Assert.Equal(70m, result.Mean);
        Assert.Equal(70m, result.TrimmedMean); // (70 + 72 + 68) / 3
        Assert.Equal(70m, result.Aggregate);
        Assert.Equal(3m, ExpertAggregate.TrimmedMeanOf([1m, 2m, 3m, 4m, 100m]));
    }

    [Theory]
    [InlineData(60, 18, true, true)]
    [InlineData(59.5, 18, true, false)]
    [InlineData(60, 17.5, true, false)]
    [InlineData(80, 25, false, false)]
    public void The_pass_rule_applies_to_the_aggregate_at_its_boundaries(double total, double openness, bool gatesMet, bool passes)
    {
        var sheets = Enumerable.Repeat(new SheetScore((decimal)total, (decimal)openness, true), 3).ToList();

        Assert.Equal(passes, ExpertAggregate.Compute(sheets, gatesMet, 20m).Passes);
    }

    [Fact]
    public void The_pass_rule_reads_the_trimmed_aggregate_not_each_sheet()
    {
        // Two sheets fail on their own, but after trimming the aggregate is exactly 60 with 开放合作 18.
        var sheets = new[] { Zone(40, 10), Zone(60, 18), Zone(60, 18), Zone(60, 18), Zone(95, 30) };

        var result = ExpertAggregate.Compute(sheets, true, 100m);

        Assert.Equal((60m, 18m, true), (result.TrimmedMean, result.OpennessAggregate, result.Passes));
    }

    [Fact]
    public void Flagged_when_the_spread_reaches_the_setting_or_the_experts_disagree_on_pass()
    {
        Assert.True(ExpertAggregate.Compute([Zone(70), Zone(90)], true, 20m).Flagged);
        Assert.False(ExpertAggregate.Compute([Zone(70), Zone(89.5m)], true, 20m).Flagged);
        Assert.True(ExpertAggregate.Compute([Zone(61), Zone(59.5m)], true, 20m).Flagged);
        Assert.True(ExpertAggregate.Compute([new SheetScore(null, null, true), new SheetScore(null, null, false)], true, 20m).Flagged);
    }

    [Fact]
    public void Clusters_pass_on_a_majority_of_passing_sheets_and_the_gates()
    {
        SheetScore Judged(bool passes) => new(null, null, passes);

        Assert.True(ExpertAggregate.Compute([Judged(true), Judged(true), Judged(false)], true, 20m).Passes);
        Assert.False(ExpertAggregate.Compute([Judged(true), Judged(false)], true, 20m).Passes);
        Assert.False(ExpertAggregate.Compute([Judged(true), Judged(true)], false, 20m).Passes);
    }

    [Fact]
    public void No_sheets_no_aggregate()
    {
        var result = ExpertAggregate.Compute([], true, 20m);

        Assert.Equal((0, (decimal?)null, (bool?)null, false), (result.Sheets, result.Aggregate, result.Passes, result.Flagged));
    }
}
