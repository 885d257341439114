using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;

namespace SmeZones.Core.Review;

public enum ScoringSaveStatus
{
    Saved,

    /// <summary>The points, judgements or comments have problems; nothing was saved.</summary>
    Invalid,

    /// <summary>Someone saved this review after the page was read.</summary>
    Conflict,

    /// <summary>The viewer may not score here now (see <see cref="StagePosition"/>), or there is nothing to score.</summary>
    Refused,
}

/// <summary>What a save came to; <see cref="Errors"/> are the messages for the reviewer (none when saved).</summary>
public sealed record ScoringSaveResult(ScoringSaveStatus Status, IReadOnlyList<OperationError> Errors, StageReview? Review = null);

/// <summary>
/// Stores the viewer's stage's points or judgements in its <see cref="StageReview"/>, creating the review on first save.
/// Optimistic concurrency on the review's xmin: the page posts the version it read (0 when there was no review yet),
/// and a save based on a stale read is refused rather than overwriting the other reviewer's work.
/// </summary>
public static class ScoringStore
{
    private const string ConflictMessage = "保存未成功：在您评分期间，本级其他人已保存了评分或审核意见。您输入的内容仍在页面上，请与最新内容核对后再保存。";

    public static async Task<ScoringSaveResult> SaveAsync(
        PortalDbContext db, ReviewedApplication reviewed, ScoringInput input, uint readVersion, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var position = reviewed.Position;
        // Refusals of the stage (signed off, not waiting here) come first: the reviewer should hear them, not about a typo.
        if (position.RefusalFor(ReviewAction.Score) is { } refusal)
        {
            return Refused(refusal, position.Review);
        }
        if (reviewed.Assessment is not { } assessment)
        {
            return Refused("该申报尚无可评审的提交内容，不能评分。", position.Review);
        }
        var applicationId = reviewed.Application.Id;
        var stageOrder = position.Stage!.Order;
        var review = position.Review;
        var validation = ScoringRules.Validate(assessment, input);
        if (!validation.IsValid)
        {
            return new ScoringSaveResult(ScoringSaveStatus.Invalid, validation.Errors, review);
        }
        if (review is null ? readVersion != 0 : review.Version != readVersion)
        {
            return new ScoringSaveResult(ScoringSaveStatus.Conflict, [OperationError.ForRequest(ConflictMessage)], review);
        }

        if (review is null)
        {
            review = new StageReview
            {
                Id = Guid.NewGuid(),
                ApplicationId = applicationId,
                StageOrder = stageOrder,
                OrganisationId = actor.OrganisationId ?? throw new ArgumentException("Scores are saved by a signed-in user of an organisation.", nameof(actor)),
            };
            db.StageReviews.Add(review);
        }
        else
        {
            db.Entry(review).Property(r => r.Version).OriginalValue = readVersion;
        }
        // Only the scored dimensions' entries are replaced: the decision pages may keep comments of their own here.
        var keys = ScoringRules.Dimensions(assessment).Select(d => d.Key).ToList();
        review.Points = Merge(review.Points, validation.Points, keys);
        review.Judgements = Merge(review.Judgements, validation.Judgements, keys);
        review.Comments = Merge(review.Comments, validation.Comments, keys);
        review.UpdatedAt = now;
        db.Record(actor, "ScoresSaved", nameof(Application), applicationId.ToString(),
            Summary(reviewed, validation), new { stage = stageOrder, points = validation.Points, judgements = validation.Judgements, comments = validation.Comments });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ScoringSaveResult(ScoringSaveStatus.Conflict, [OperationError.ForRequest(ConflictMessage)]);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first saves at once: the other one created the review.
            db.ChangeTracker.Clear();
            return new ScoringSaveResult(ScoringSaveStatus.Conflict, [OperationError.ForRequest(ConflictMessage)]);
        }
        return new ScoringSaveResult(ScoringSaveStatus.Saved, [], review);
    }

    private static ScoringSaveResult Refused(string message, StageReview? review) =>
        new(ScoringSaveStatus.Refused, [OperationError.ForRequest(message)], review);

    private static string Summary(ReviewedApplication reviewed, ScoringValidation validation)
    {
        var number = reviewed.Application.Number;
        if (ScoringRules.Result(reviewed.Assessment!, validation.Points) is { } result)
        {
            return $"评分 {number}：总分 {ScoringText.Number(result.Total)} 分，{(result.Passed ? "达到" : "未达到")}认定要求";
        }
        var passed = validation.Judgements.Values.Count(v => v == ScoringRules.Pass);
        return $"评审判断 {number}：通过 {passed} 项，不通过 {validation.Judgements.Count - passed} 项";
    }

    private static Dictionary<string, T> Merge<T>(Dictionary<string, T> stored, IReadOnlyDictionary<string, T> posted, IEnumerable<string> keys)
    {
        var merged = new Dictionary<string, T>(stored, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (posted.TryGetValue(key, out var value))
            {
                merged[key] = value;
            }
            else
            {
                merged.Remove(key);
            }
        }
        return merged;
    }
}
