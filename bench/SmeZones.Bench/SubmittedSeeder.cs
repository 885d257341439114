using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Review;
using SmeZones.TestSupport;

namespace SmeZones.Bench;

/// <summary>
/// The lists' data (issue 13 items 2 and 4): N zone-2026 applications in the open demo round, submitted, recommended and
/// signed off by their provincial unit, so the same rows fill each province's inbox and the ministry's national list.
/// Spread over eleven prefecture-level applicants in ten provinces.
/// <para>
/// One application per applicant goes the whole way through the app's own code (<see cref="ApplicationFactory"/>,
/// <see cref="ApplicationSubmission.SubmitAsync"/>, <see cref="ReviewWorkflow.DecideAsync"/> and
/// <see cref="ReviewWorkflow.SignOffAsync"/>, which hold quota places, assess and notify). The rest are copies of
/// their unit's template added in batches of EF inserts: own id and number (taken from the number counter in one
/// step), own title (the title answer differs), own snapshot made by <see cref="ApplicationSubmission.Freeze"/> with its
/// hash, own summary from <see cref="SubmissionSummaries.Of"/>, the template's stage review and audit events with the
/// ids, number and hash replaced, and the quota places counted. Notifications are not copied (no list reads them).
/// Prints the campaign id.
/// </para>
/// </summary>
internal static class SubmittedSeeder
{
    private const string Edition = "zone-2026";
    private const int Batch = 250;

    // Applicant (prefecture level), its region, its weight in the spread. Provincial units are found or made. Ten
    // provinces of 10% each (广东's split between two cities): a round caps a unit's quota at 1,000, so 5,000 recommended
    // applications need at least five provincial units, as a national round has.
    private static readonly (string Name, string Region, int Weight)[] Applicants =
    [
        ("佛山市工业和信息化局", "440600", 6),
        ("广州市工业和信息化局", "440100", 4),
        ("成都市经济和信息化局", "510100", 10),
        ("杭州市经济和信息化局", "330100", 10),
        ("南京市工业和信息化局", "320100", 10),
        ("武汉市经济和信息化局", "420100", 10),
        ("长沙市工业和信息化局", "430100", 10),
        ("郑州市工业和信息化局", "410100", 10),
        ("西安市工业和信息化局", "610100", 10),
        ("沈阳市工业和信息化局", "210100", 10),
        ("昌吉回族自治州工业和信息化局", "652300", 10),
    ];

    private sealed record Unit(Organisation Applicant, Actor ApplicantActor, Organisation Province, Viewer Reviewer, Actor ReviewerActor, int Count);

    public static async Task<int> RunAsync(Options options)
    {
        var count = Math.Max(Applicants.Length, options.Int("count", 5000));
        var started = Stopwatch.StartNew();
        await using var db = PortalDatabase.Create(options.Required("connection"));
        var now = DateTimeOffset.UtcNow;
        var campaignId = await db.Campaigns
            .Where(c => c.FormEditionKey == Edition && c.Status == CampaignStatus.Published && c.OpensAt <= now && c.ClosesAt > now)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var definition = FormEditionCatalogue.Default.Get(Edition);
        var answers = FormFixtures.Complete(Edition).Values;
        var titleKey = definition.Declared().TitleAnswers.First(answers.ContainsKey);
        var units = await UnitsAsync(db, count, now);
        await RaiseQuotaAsync(db, campaignId, units, now);

        var done = 0;
        foreach (var unit in units)
        {
            db.ChangeTracker.Clear();
            var template = await TemplateAsync(db, campaignId, unit, definition, answers, titleKey, done, count);
            done++;
            for (var first = 1; first < unit.Count; first += Batch)
            {
                var size = Math.Min(Batch, unit.Count - first);
                await CopiesAsync(db, template, definition, answers, titleKey, size, done, count);
                done += size;
            }
            Console.Error.WriteLine($"  {unit.Applicant.Name}: {unit.Count} ({started.Elapsed.TotalSeconds:0} s)");
        }
        Console.Error.WriteLine($"Seeded {done} submitted {Edition} applications, recommended and signed off by their provincial units, " +
            $"in {started.Elapsed.TotalSeconds:0.0} s ({done / started.Elapsed.TotalSeconds:0} a second; {units.Count} of them through the workflow).");
        Console.WriteLine(campaignId);
        return 0;
    }

    /// <summary>The applicants, their provincial units and one user each (bench accounts without a password where the demo has none).</summary>
    private static async Task<List<Unit>> UnitsAsync(PortalDbContext db, int count, DateTimeOffset now)
    {
        var weights = Applicants.Sum(a => a.Weight);
        var units = new List<Unit>();
        var given = 0;
        for (var i = 0; i < Applicants.Length; i++)
        {
            var (name, region, weight) = Applicants[i];
            var share = i == Applicants.Length - 1 ? count - given : Math.Max(1, count * weight / weights);
            given += share;
            var applicant = await OrganisationAsync(db, name, OrganisationLevel.Prefecture, region, now);
            var provinceCode = Jurisdiction.Of(region).ProvincialUnitCode;
            var province = await db.Organisations.FirstOrDefaultAsync(o => o.Level == OrganisationLevel.ProvincialUnit && o.RegionCode == provinceCode)
                ?? await OrganisationAsync(db, RegionCatalogue.Instance.Find(provinceCode)!.Name + "工业和信息化厅", OrganisationLevel.ProvincialUnit, provinceCode, now);
            var applicantUser = await UserAsync(db, applicant, now);
            var reviewerUser = await UserAsync(db, province, now);
            units.Add(new Unit(applicant, new Actor(applicantUser.Id, applicantUser.UserName!, applicant.Id), province,
                new Viewer(reviewerUser.Id, province.Id, OrganisationLevel.ProvincialUnit, province.RegionCode, new HashSet<string> { Roles.Reviewer }),
                new Actor(reviewerUser.Id, reviewerUser.UserName!, province.Id), share));
        }
        return units;
    }

    private static async Task<Organisation> OrganisationAsync(PortalDbContext db, string name, OrganisationLevel level, string region, DateTimeOffset now)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Name == name) is { } found)
        {
            return found;
        }
        var organisation = new Organisation { Name = name, Level = level, RegionCode = region, CreatedAt = now };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private static async Task<PortalUser> UserAsync(PortalDbContext db, Organisation organisation, DateTimeOffset now)
    {
        if (await db.Users.OrderBy(u => u.UserName).FirstOrDefaultAsync(u => u.OrganisationId == organisation.Id) is { } found)
        {
            return found;
        }
        var name = $"bench.{organisation.RegionCode}";
        var user = new PortalUser
        {
            Id = Guid.NewGuid(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = organisation.Name + " 填报员",
            OrganisationId = organisation.Id, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A national round recommending thousands needs the places: raised the way an organiser does (quotas only rise).</summary>
    private static async Task RaiseQuotaAsync(PortalDbContext db, int campaignId, List<Unit> units, DateTimeOffset now)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == campaignId);
        var stage = campaign.StageFor(OrganisationLevel.ProvincialUnit)!;
        var needed = units.GroupBy(u => u.Province.Id).Max(g => g.Sum(u => u.Count));
        var amendment = RoundAmendment.Of(campaign);
        var written = amendment.Stages[stage.Order - 1];
        if (stage.Quota is { } quota && quota < needed)
        {
            written.Quota = needed.ToString(CultureInfo.InvariantCulture);
        }
        var organiser = await db.Users.OrderBy(u => u.UserName).FirstAsync(u => u.OrganisationId == campaign.OrganiserId);
        var result = await RoundAmendments.AmendAsync(db, campaign, amendment, new Actor(organiser.Id, organiser.UserName!, campaign.OrganiserId), now);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Raising the quota failed: " + string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
        }
    }

    private sealed record Template(Application Application, SubmissionSnapshot Snapshot, Submission Submission, StageReview Review, List<AuditEvent> Audit);

    /// <summary>One application the whole way through the workflow: draft, answers, submission, 推荐, 签发.</summary>
    private static async Task<Template> TemplateAsync(
        PortalDbContext db, int campaignId, Unit unit, FormDefinition definition, IReadOnlyDictionary<string, string> answers, string titleKey, int index, int count)
    {
        var campaign = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == campaignId);
        var applicant = await db.Organisations.SingleAsync(o => o.Id == unit.Applicant.Id);
        var now = DateTimeOffset.UtcNow;
        var application = await ApplicationFactory.StartDraftAsync(db, campaign, applicant, unit.ApplicantActor, now);
        application.Answers = Answers(answers, titleKey, index, count);
        application.Title = ApplicationTitle.From(definition, application.Answers) ?? "";
        application.SummaryIntro = "合作区简介：" + application.Title;
        application.SummaryPartners = "德国、日本";
        await db.SaveChangesAsync();
        await ApplicationSubmission.SubmitAsync(db, application, definition, unit.ApplicantActor, now);

        var position = await StagePosition.LoadAsync(db, application, unit.Reviewer);
        var decided = await ReviewWorkflow.DecideAsync(db, position, unit.ReviewerActor, new DecisionInput(ReviewDecision.Recommend, null, "同意推荐。", 0), now);
        Require(decided, "recommend");
        position = await StagePosition.LoadAsync(db, application, unit.Reviewer);
        var signed = await ReviewWorkflow.SignOffAsync(db, position, unit.ReviewerActor, new SignOffInput(true, position.Review!.Version, "审核员"), now);
        Require(signed, "sign off");

        db.ChangeTracker.Clear();
        var id = application.Id;
        var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.ApplicationId == id);
        var review = await db.StageReviews.AsNoTracking().SingleAsync(r => r.ApplicationId == id);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Application) && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        return new Template(stored, SubmissionSnapshot.Parse(submission.CanonicalJson), submission, review, audit);
    }

    private static void Require(ReviewOutcome outcome, string step)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The template's {step} was refused: " + string.Join("; ", outcome.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>Copies of the unit's template, each its own application with its own snapshot, summary, review and audit trail.</summary>
    private static async Task CopiesAsync(
        PortalDbContext db, Template template, FormDefinition definition, IReadOnlyDictionary<string, string> answers, string titleKey, int size, int index, int count)
    {
        db.ChangeTracker.Clear();
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Id == template.Application.CampaignId);
        var settings = await ApplicationAssessment.SettingsForAsync(db, template.Application);
        // Numbers as ApplicationFactory takes them, a block at once: the counter moves by the batch in one statement.
        var last = await db.Database.SqlQuery<int>($"""
            UPDATE "ApplicationNumberCounters" SET "Last" = "Last" + {size}
            WHERE "Programme" = {(int)campaign.Programme} AND "Year" = {campaign.Year} RETURNING "Last" AS "Value"
            """).AsAsyncEnumerable().SingleAsync();
        var source = template.Application;
        var signedAt = template.Review.SignedOffAt!.Value;
        // The assessment at sign-off, as SignOffAsync keeps it, once per kind of answers (a batch shares its unit).
        var signedAssessment = new Dictionary<bool, SmeZones.Core.Assessment.Assessment>();
        SmeZones.Core.Assessment.Assessment AssessmentAtSignOff(Application application) =>
            signedAssessment.TryGetValue(Declares(application.Answers), out var kept) ? kept
            : signedAssessment[Declares(application.Answers)] = ApplicationAssessment.Assess(
                new Application { Number = "", RegionCode = source.RegionCode, PrefectureCode = source.PrefectureCode, ProvincialUnitCode = source.ProvincialUnitCode,
                    FormEditionKey = source.FormEditionKey, Campaign = campaign }, template.Snapshot.Definition, new FormAnswers(application.Answers), settings);
        for (var i = 0; i < size; i++)
        {
            var n = index + i;
            // Submitted over the weeks before, not in number order, so sorting by time is real work.
            var submittedAt = signedAt.AddMinutes(-1 - (n * 7919L % (count * 7L)));
            var application = new Application
            {
                Id = Guid.NewGuid(),
                Number = string.Create(CultureInfo.InvariantCulture, $"{campaign.Programme.NumberPrefix()}-{campaign.Year}-{last - size + 1 + i:0000}"),
                CampaignId = source.CampaignId, OrganisationId = source.OrganisationId,
                RegionCode = source.RegionCode, PrefectureCode = source.PrefectureCode, ProvincialUnitCode = source.ProvincialUnitCode,
                Status = source.Status, CurrentStageOrder = source.CurrentStageOrder, ReachedStageOrder = source.ReachedStageOrder,
                FormEditionKey = source.FormEditionKey, Answers = Answers(answers, titleKey, n, count),
                SummaryPartners = source.SummaryPartners, CreatedAt = submittedAt.AddDays(-3), UpdatedAt = signedAt, SubmittedAt = submittedAt,
            };
            application.Title = ApplicationTitle.From(definition, application.Answers) ?? "";
            application.SummaryIntro = "合作区简介：" + application.Title;
            db.Applications.Add(application);

            var snapshot = template.Snapshot with
            {
                ApplicationId = application.Id, ApplicationNumber = application.Number, SubmittedAt = submittedAt,
                Answers = new SortedDictionary<string, string>(application.Answers, StringComparer.Ordinal),
            };
            var submission = ApplicationSubmission.Freeze(snapshot, template.Submission.SubmittedById);
            db.Submissions.Add(submission);
            db.SubmissionSummaries.Add(SubmissionSummaries.Of(submission, campaign, definition, snapshot.Answers, settings, submittedAt));

            var review = template.Review;
            var reviewId = Guid.NewGuid();
            var copy = new StageReview
            {
                Id = reviewId, ApplicationId = application.Id, StageOrder = review.StageOrder, OrganisationId = review.OrganisationId,
                Points = new(review.Points), Comments = new(review.Comments), Judgements = new(review.Judgements),
                Decision = review.Decision, Opinion = review.Opinion, DecidedAt = review.DecidedAt, DecidedById = review.DecidedById,
                SignedOffAt = review.SignedOffAt, SignedOffById = review.SignedOffById, SignedOffByName = review.SignedOffByName, UpdatedAt = review.UpdatedAt,
            };
            copy.KeepAssessment(AssessmentAtSignOff(application));
            db.StageReviews.Add(copy);
            string Rewrite(string? text) => (text ?? "").Replace(source.Id.ToString(), application.Id.ToString(), StringComparison.Ordinal)
                .Replace(source.Number, application.Number, StringComparison.Ordinal)
                .Replace(template.Submission.Sha256, submission.Sha256, StringComparison.Ordinal)
                .Replace(review.Id.ToString(), reviewId.ToString(), StringComparison.Ordinal);
            foreach (var e in template.Audit)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    UserId = e.UserId, UserName = e.UserName, OrganisationId = e.OrganisationId, Action = e.Action, EntityType = e.EntityType,
                    EntityId = application.Id.ToString(), Summary = e.Summary is null ? null : Rewrite(e.Summary),
                    Details = e.Details is null ? null : Rewrite(e.Details),
                });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        // The places the copies hold, as DecideAsync takes them (one per recommendation, under the raised limit).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "QuotaUsages" SET "Used" = "Used" + {size}
            WHERE "CampaignId" = {source.CampaignId} AND "StageOrder" = {template.Review.StageOrder} AND "OrganisationId" = {template.Review.OrganisationId}
            """);
    }

    // Titles differ and not in number order, so sorting by title is real work; the title answer carries it, as a save would.
    // One in five declares serious misconduct, a gate the criteria check, so the verdict filter has both kinds to find.
    private static Dictionary<string, string> Answers(IReadOnlyDictionary<string, string> answers, string titleKey, int index, int count)
    {
        var copy = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        copy[titleKey] = $"{answers[titleKey]}（{index * 7919L % count:00000}）";
        if (index % 5 == 4)
        {
            copy[Misconduct] = "yes";
        }
        return copy;
    }

    private const string Misconduct = "basic.seriousMisconduct";

    private static bool Declares(IReadOnlyDictionary<string, string> answers) => answers.GetValueOrDefault(Misconduct) == "yes";
}
