using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.TestSupport;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A complete zone application (the zone-2026 fixture under a unique name) of the applicant, submitted in the chain's
    /// round and recommended by <paramref name="province"/> at the provincial stage; signed off at
    /// <paramref name="signedOffAt"/> (with the assessment stored as sign-off stores it) and then at the ministry's
    /// stage, or left decided but unsigned when it is null.
    /// </summary>
    public async Task<Application> CreateRecommendationAsync(
        RoundChain chain, Organisation applicant, Organisation province, DateTimeOffset? signedOffAt, string? title = null)
    {
        title ??= $"测试合作区{Unique()}";
        var answers = FormFixtures.Complete("zone-2026").Set("basic.zoneName", title).Set("cover.zoneName", title);
        var submitted = await CreateSubmittedApplicationAsync(applicant, chain.Round, answers.Values, title);
        await using var db = host.NewDbContext();
        var application = await db.Applications.Include(a => a.Campaign).ThenInclude(c => c!.Stages).SingleAsync(a => a.Id == submitted.Id);
        var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
        var assessment = ApplicationAssessment.Assess(application, definition, new FormAnswers(application.Answers),
            await ApplicationAssessment.SettingsForAsync(db, application));
        var provinceStage = application.Campaign!.StageFor(OrganisationLevel.ProvincialUnit)!;
        var decidedAt = signedOffAt ?? host.Clock.GetUtcNow();
        var review = new StageReview
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = provinceStage.Order, OrganisationId = province.Id,
            Decision = ReviewDecision.Recommend, Opinion = $"同意推荐{title}", DecidedAt = decidedAt,
            SignedOffAt = signedOffAt, SignedOffByName = signedOffAt is null ? null : "张处长", UpdatedAt = decidedAt,
        };
        if (signedOffAt is not null)
        {
            review.KeepAssessment(assessment);
        }
        db.StageReviews.Add(review);
        if (signedOffAt is not null)
        {
            var ministry = application.Campaign.StageFor(OrganisationLevel.Ministry)!;
            (application.CurrentStageOrder, application.ReachedStageOrder) = (ministry.Order, ministry.Order);
        }
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>
    /// A new expert (at an authority of 北京, so no conflict with the test applications) assigned to the application by
    /// hand, confirming no conflict and submitting a zone score sheet with these points per dimension, through the
    /// portal's own expert-review operations.
    /// </summary>
    public async Task<ExpertAssignment> CreateSubmittedSheetAsync(Application application, IReadOnlyDictionary<string, decimal> points)
    {
        var expert = await CreateExpertAsync("110000");
        var actor = new Actor(expert.Id, expert.UserName!, expert.OrganisationId);
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        var target = await db.Applications.Include(a => a.Organisation).SingleAsync(a => a.Id == application.Id);
        Check(await ExpertPanel.AssignAsync(db, target, expert.Id, asReserve: false, null, Actor.System, now));
        var assignment = await db.ExpertAssignments.SingleAsync(a => a.ApplicationId == application.Id && a.ExpertId == expert.Id);
        Check(await ExpertPanel.ConfirmNoConflictAsync(db, assignment, actor, now));
        var assessment = (await ExpertAccess.LoadCaseAsync(db, assignment)).Assessment!;
        var input = new ScoringInput(
            points.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(CultureInfo.InvariantCulture)),
            new Dictionary<string, string?>(),
            points.ToDictionary(p => p.Key, _ => (string?)"依据申报材料和实地抽查情况评分。"));
        Check(await ExpertSheets.SubmitAsync(db, assignment, assessment, new SheetInput(input, "同意推荐。", false, null), actor, now));
        return assignment;
    }

    private static void Check(IReadOnlyList<SmeZones.Core.OperationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Message}")));
        }
    }
}
