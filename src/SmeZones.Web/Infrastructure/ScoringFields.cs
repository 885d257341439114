namespace SmeZones.Web.Infrastructure;

/// <summary>
/// The posted names of a scoring form's inputs, shared by the reviewers' scoring page and an expert's sheet, and
/// the input a Core scoring error ("points:plan", "judgement:…", "comment:…") belongs beside.
/// </summary>
public static class ScoringFields
{
    public static string Points(string dimension) => $"Points[{dimension}]";
    public static string Judgement(string dimension) => $"Judgements[{dimension}]";
    public static string Comment(string dimension) => $"Comments[{dimension}]";

    /// <summary>The points input of one dimension (Shared/_PointsInput), the same on the reviewer's and the expert's page.</summary>
    public static PointsInput PointsInput(string dimension, decimal max, string? value, bool invalid, string? describedBy) =>
        new(Points(dimension), max, value, invalid, describedBy);

    /// <returns>The input's name, or null when the error is not about one dimension's input.</returns>
    public static string? InputFor(string errorKey) =>
        errorKey.Split(':', 2) switch
        {
            ["points", var dimension] => Points(dimension),
            ["judgement", var dimension] => Judgement(dimension),
            ["comment", var dimension] => Comment(dimension),
            _ => null,
        };
}

/// <summary>What the points input needs: its name, the dimension's maximum, the posted value and its error state.</summary>
public sealed record PointsInput(string Name, decimal Max, string? Value, bool Invalid, string? DescribedBy);
