namespace SmeZones.Core.Review;

/// <summary>
/// The one wording of a level's own review (本级审核) wherever it is shown — inbox, application page, decision page,
/// ministry view, notifications, audit: before a decision is saved, whether or not scoring has begun, it is
/// "尚未作出审核意见" (issue 8 item 13: it used to read "未开始" in one place and "尚未作出审核意见" in another).
/// </summary>
public static class ReviewDecisionWords
{
    public const string NotYet = "尚未作出审核意见";

    /// <summary>推荐 / 不予推荐 / 尚未作出审核意见; null (no review record of this level yet) reads as not yet decided.</summary>
    public static string Of(ReviewDecision? decision) => decision switch
    {
        ReviewDecision.Recommend => "推荐",
        ReviewDecision.NotRecommend => "不予推荐",
        _ => NotYet,
    };
}
