using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;

namespace SmeZones.Web.Commands;

/// <summary>
/// A closed demo round whose applications the provinces have already signed off to the ministry, so a newcomer can try
/// the 建议名单, 公示, objections and 认定 as `ministry` right after `make run`. Its name does not start like the open
/// demo rounds', so nothing that looks those up by name finds two.
/// </summary>
public static class DemoMinistryRound
{
    public const string Name = "部级评审演示：2026年度中外中小企业合作区";

    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name);
        // Made through the one round set-up path, as the open demo rounds are; open while its applications are made.
        var definition = new RoundDefinition
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
        var created = await RoundSetup.CreateAsync(db, definition, Actor.System, now);
        var campaign = created.Campaign ?? throw new InvalidOperationException(
            $"Demo round {Name}: {string.Join("; ", created.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
        var entries = new[]
        {
            ("佛山市工业和信息化局", "广东省工业和信息化厅", "中德（佛山）中小企业合作区", "佛山中德合作区运营管理有限公司"),
            ("佛山市工业和信息化局", "广东省工业和信息化厅", "中意（佛山）中小企业合作区", "佛山中意产业园运营有限公司"),
            ("成都市经济和信息化局", "四川省经济和信息化厅", "中法（成都）中小企业合作区", "成都中法生态园投资发展有限公司"),
        };
        var minute = 0;
        foreach (var (applicant, province, title, operatorName) in entries)
        {
            if (!organisations.TryGetValue(applicant, out var organisation) || !organisations.TryGetValue(province, out var reviewer))
            {
                continue;
            }
            var application = await ApplicationFactory.StartDraftAsync(db, campaign, organisation, Actor.System, now);
            application.Title = title;
            application.Answers = new Dictionary<string, string> { ["basic.zoneName"] = title, ["basic.operator"] = operatorName };
            application.Status = ApplicationStatus.Submitted;
            application.SubmittedAt = now;
            application.CurrentStageOrder = 2;
            application.ReachedStageOrder = 2;
            db.StageReviews.Add(new StageReview
            {
                Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = reviewer.Id, Decision = ReviewDecision.Recommend,
                Opinion = "经审核，同意推荐。", SignedOffAt = now.AddMinutes(minute++), SignedOffByName = reviewer.Name, UpdatedAt = now,
            });
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
}
