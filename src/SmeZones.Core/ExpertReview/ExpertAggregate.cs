using SmeZones.Core.Assessment;
using SmeZones.Core.Review;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.ExpertReview;

/// <summary>One submitted, not abstained sheet as the aggregate reads it. Zones have points; clusters only pass/fail.</summary>
public sealed record SheetScore(decimal? Total, decimal? Openness, bool Passes)
{
    /// <summary>Null for a sheet not submitted or abstained: it does not count.</summary>
    public static SheetScore? Of(ExpertAssignment sheet, AssessmentResult assessment)
    {
        if (sheet.SubmittedAt is null || sheet.Abstained)
        {
            return null;
        }
        if (ScoringRules.Result(assessment, sheet.Points) is { IsValid: true } result)
        {
            return new SheetScore(result.Total, sheet.Points[ZoneScore.Openness], result.Passed);
        }
        var dimensions = ScoringRules.Dimensions(assessment);
        var passes = assessment.AllGatesMet && dimensions.All(d => sheet.Judgements.GetValueOrDefault(d.Key) == ScoringRules.Pass);
        return new SheetScore(null, null, passes);
    }
}

/// <summary>
/// The experts' result for one application. <see cref="Aggregate"/> is the trimmed mean of the totals (the plain mean
/// below 5 sheets); the 认定标准's pass rule is applied to it and to the 开放合作 points aggregated the same way.
/// </summary>
public sealed record ExpertAggregate(
    int Sheets, decimal? Mean, decimal? TrimmedMean, decimal? Spread, decimal? OpennessAggregate, bool? Passes, bool Flagged, int PassVotes)
{
    /// <summary>With this many sheets or more, one highest and one lowest are dropped.</summary>
    public const int TrimFrom = 5;

    public decimal? Aggregate => TrimmedMean;

    /// <summary>The 认定标准's pass rule applied to the aggregate, in words.</summary>
    public string PassText => Passes switch { true => "达到认定要求", false => "未达到认定要求", null => "尚无评分" };

    /// <summary>
    /// The aggregate in one cell of a download: points after trimming (zones) or passing sheets (clusters), the verdict,
    /// and the flag, e.g. "82.5分（3份评分）；达到认定要求；意见分歧".
    /// </summary>
    public string SummaryText
    {
        get
        {
            if (Sheets == 0)
            {
                return PassText;
            }
            var score = TrimmedMean is { } points
                ? $"{Math.Round(points, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}分（{Sheets}份评分）"
                : $"{PassVotes}/{Sheets}份评分表符合";
            return $"{score}；{PassText}{(Flagged ? "；意见分歧" : "")}";
        }
    }

    public static ExpertAggregate Compute(IReadOnlyList<SheetScore> sheets, bool gatesMet, decimal spreadThreshold)
    {
        if (sheets.Count == 0)
        {
            return new ExpertAggregate(0, null, null, null, null, null, false, 0);
        }
        var votes = sheets.Count(s => s.Passes);
        var disagree = votes > 0 && votes < sheets.Count;
        if (sheets.Any(s => s.Total is null))
        {
            // Clusters: the experts judge; the group passes on a majority of sheets that pass (and the gates).
            return new ExpertAggregate(sheets.Count, null, null, null, null, gatesMet && votes * 2 > sheets.Count, disagree, votes);
        }
        var totals = sheets.Select(s => s.Total!.Value).ToList();
        var openness = sheets.Select(s => s.Openness ?? 0m).ToList();
        var spread = totals.Max() - totals.Min();
        var trimmed = TrimmedMeanOf(totals);
        var opennessAggregate = TrimmedMeanOf(openness);
        var passes = gatesMet && trimmed >= ZoneScore.PassTotal && opennessAggregate >= ZoneScore.OpennessMinimum;
        return new ExpertAggregate(sheets.Count, totals.Average(), trimmed, spread, opennessAggregate, passes, spread >= spreadThreshold || disagree, votes);
    }

    /// <summary>The mean, after dropping one highest and one lowest value when there are <see cref="TrimFrom"/> or more.</summary>
    public static decimal TrimmedMeanOf(IReadOnlyList<decimal> values)
    {
        if (values.Count < TrimFrom)
        {
            return values.Average();
        }
        var sorted = values.Order().ToList();
        return sorted.Skip(1).Take(sorted.Count - 2).Average();
    }

    /// <summary>The aggregate of an application's group from its assignments and the assessment the gates come from.</summary>
    public static ExpertAggregate Of(IEnumerable<ExpertAssignment> group, AssessmentResult? assessment, ExpertReviewSettings settings)
    {
        if (assessment is null)
        {
            return new ExpertAggregate(0, null, null, null, null, null, false, 0);
        }
        var scores = group.Select(a => SheetScore.Of(a, assessment)).OfType<SheetScore>().ToList();
        return Compute(scores, assessment.AllGatesMet, settings.SpreadThreshold);
    }
}
