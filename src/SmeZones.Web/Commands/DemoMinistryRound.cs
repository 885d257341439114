using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;

namespace SmeZones.Web.Commands;

/// <summary>
/// A closed demo round whose complete applications the provinces have already signed off to the ministry, so a newcomer
/// can try the expert draw (专家库 of expert1–3), the experts' scoring, the 建议名单, 公示, objections and 认定 as
/// `ministry` right after `make run`. Its name does not start like the open
/// demo rounds', so nothing that looks those up by name finds two.
/// </summary>
public static class DemoMinistryRound
{
    public const string Name = "部级评审演示：2026年度中外中小企业合作区";

    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name);
        // Made through the one round set-up path, as the open demo rounds are; open while its applications are made.
        var round = new RoundDefinition
        {
            Organiser = DemoData.MinistryName, Programme = nameof(Programme.Zone), Year = "2026", Name = Name, FormEdition = "zone-2026",
            OpensAt = RoundDefinition.FormatTime(now.AddDays(-90)), ClosesAt = RoundDefinition.FormatTime(now.AddDays(1)),
            NoticeNumber = "演示数据", OfficialDeadline = "演示数据", ApplicantLevel = nameof(OrganisationLevel.Prefecture), IntroMaxChars = "300",
            Stages =
            [
                new() { Level = nameof(OrganisationLevel.ProvincialUnit), Name = "省级中小企业主管部门初审推荐", Deadline = RoundDefinition.FormatTime(now.AddDays(2)), Quota = "2", SeparatelyPlannedCityQuota = "1" },
                new() { Level = nameof(OrganisationLevel.Ministry), Name = "工业和信息化部评审", Deadline = RoundDefinition.FormatTime(now.AddDays(60)) },
            ],
            Publish = true,
        };
        var created = await RoundSetup.CreateAsync(db, round, Actor.System, now);
        var campaign = created.Campaign ?? throw new InvalidOperationException(
            $"Demo round {Name}: {string.Join("; ", created.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
        var entries = new[]
        {
            new Entry("佛山市工业和信息化局", "广东省工业和信息化厅", "中德（佛山）中小企业合作区", "佛山中德合作区运营管理有限公司", "广东", "佛山"),
            new Entry("佛山市工业和信息化局", "广东省工业和信息化厅", "中意（佛山）中小企业合作区", "佛山中意产业园运营有限公司", "广东", "佛山"),
            new Entry("成都市经济和信息化局", "四川省经济和信息化厅", "中法（成都）中小企业合作区", "成都中法生态园投资发展有限公司", "四川", "成都"),
        };
        var definition = FormEditionCatalogue.Default.Get(campaign.FormEditionKey);
        var minute = 0;
        foreach (var entry in entries)
        {
            if (!organisations.TryGetValue(entry.Applicant, out var organisation) || !organisations.TryGetValue(entry.Province, out var reviewer))
            {
                continue;
            }
            var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, Actor.System, now);
            application.Title = entry.Title;
            application.Answers = new Dictionary<string, string>(Answers(entry).Values, StringComparer.Ordinal);
            application.Organisation = organisation;
            // Submitted as an applicant submits (snapshot, audit), so experts see the form and the engine's assessment.
            await ApplicationSubmission.SubmitAsync(db, application, definition, Actor.System, now);
            var assessment = ApplicationAssessment.Assess(application, definition, new FormAnswers(application.Answers),
                await ApplicationAssessment.SettingsForAsync(db, application));
            var signedOffAt = now.AddMinutes(minute++);
            var review = new StageReview
            {
                Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = reviewer.Id, Decision = ReviewDecision.Recommend,
                Opinion = "经审核，同意推荐。", DecidedAt = signedOffAt, SignedOffAt = signedOffAt, SignedOffByName = reviewer.Name, UpdatedAt = now,
            };
            review.KeepAssessment(assessment);
            db.StageReviews.Add(review);
            application.CurrentStageOrder = 2;
            application.ReachedStageOrder = 2;
            await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
        // Closed and 已结束: the ministry's open 2026 zone round, seeded next, is then its one round in progress of the
        // programme and year (the database allows one per organiser); the applications at the ministry go on being reviewed.
        campaign.ClosesAt = now.AddDays(-1);
        await db.SaveChangesAsync();
        var ended = await RoundSetup.EndAsync(db, campaign, Actor.System, now);
        if (!ended.Succeeded)
        {
            throw new InvalidOperationException($"Demo round {Name}: {ended.Errors[0].ErrorMessage}");
        }
    }

    private sealed record Entry(string Applicant, string Province, string Title, string Operator, string ProvinceShort, string City);

    /// <summary>The complete zone answer set (Commands/DemoAnswers) under the entry's name, operator and place.</summary>
    private static FormAnswers Answers(Entry entry)
    {
        var assembly = typeof(DemoMinistryRound).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".DemoAnswers.zone-2026.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return FormAnswers.FromJson(reader.ReadToEnd())
            .Set("basic.zoneName", entry.Title).Set("cover.zoneName", entry.Title)
            .Set("basic.operator", entry.Operator).Set("cover.operator", entry.Operator)
            .Set("basic.authority", entry.Applicant).Set("cover.authority", entry.Applicant)
            .Set("cover.province", entry.ProvinceShort).Set("cover.city", entry.City);
    }
}
