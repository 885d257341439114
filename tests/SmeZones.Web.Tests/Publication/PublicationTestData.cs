using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Publication;

/// <summary>A new zone round of its own per test, with applications the province has signed off to the ministry.</summary>
public static class PublicationTestData
{
    /// <summary>The round, its applications (all of one 佛山 authority), and the users of the ministry, the province and the applicant.</summary>
    public sealed record Round(int CampaignId, IReadOnlyList<Application> Applications, PortalUser Ministry, PortalUser Province, PortalUser Applicant);

    public static async Task<Round> RoundAtMinistryAsync(this PortalHost host, int applications)
    {
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        var provinceUser = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "440000", Roles.Reviewer);
        var applicantUser = await host.TestData.CreateUserAsync(OrganisationLevel.Prefecture, "440600", Roles.Applicant);
        await using var db = host.NewDbContext();
        var ministry = await db.Organisations.SingleAsync(o => o.Id == ministryUser.OrganisationId);
        var foshan = await db.Organisations.SingleAsync(o => o.Id == applicantUser.OrganisationId);
        var guangdong = await db.Organisations.SingleAsync(o => o.Id == provinceUser.OrganisationId);
        var now = host.Clock.GetUtcNow();
        var campaign = new Campaign
        {
            Name = $"测试公示批次{Guid.NewGuid():N}", Programme = Programme.Zone, Year = 2026, OrganiserId = ministry.Id,
            FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024", ApplicantLevel = OrganisationLevel.Prefecture,
            OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(30),
            // Application numbers are per programme and year (HZQ-2026-0001), not per round: start this round's far away.
            ApplicationCounter = Random.Shared.Next(100_000, 90_000_000),
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级初审推荐", Quota = 10 },
                new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "工业和信息化部评审" },
            ],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        campaign = await db.Campaigns.Include(c => c.Organiser).Include(c => c.Stages).SingleAsync(c => c.Id == campaign.Id);
        var made = new List<Application>();
        for (var i = 0; i < applications; i++)
        {
            var application = await ApplicationFactory.StartDraftAsync(db, campaign, foshan, Actor.System, now);
            application.Status = ApplicationStatus.Submitted;
            application.CurrentStageOrder = 2;
            application.ReachedStageOrder = 2;
            application.SubmittedAt = now;
            application.Title = $"佛山测试合作区{i + 1}-{Guid.NewGuid().ToString("N")[..6]}";
            application.Answers = new Dictionary<string, string> { ["basic.zoneName"] = application.Title, ["basic.operator"] = $"佛山运营公司{i + 1}" };
            // Signed off one minute apart, so the placeholder ranking (by sign-off) is the order made here.
            db.StageReviews.Add(new StageReview
            {
                Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = guangdong.Id, Decision = ReviewDecision.Recommend,
                Opinion = "同意推荐（省级意见）", SignedOffAt = now.AddMinutes(i), SignedOffByName = "广东省", UpdatedAt = now,
            });
            await db.SaveChangesAsync();
            made.Add(application);
        }
        return new Round(campaign.Id, made, ministryUser, provinceUser, applicantUser);
    }

    /// <summary>Selection form fields: the first <paramref name="selected"/> applications in ranking order are listed.</summary>
    public static Dictionary<string, string> Selection(Round round, int selected)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < round.Applications.Count; i++)
        {
            fields[$"Rows[{i}].ApplicationId"] = round.Applications[i].Id.ToString();
            fields[$"Rows[{i}].Opinion"] = $"部级评审意见{i + 1}：材料齐全";
            if (i < selected)
            {
                fields[$"Rows[{i}].Selected"] = "true";
            }
            else
            {
                fields[$"Rows[{i}].NotSelectedReason"] = "综合评分靠后，名额所限";
            }
        }
        return fields;
    }

    /// <summary>Selects and publishes as the ministry through the pages; the 公示 starts on <paramref name="firstDay"/>.</summary>
    public static async Task PublishAsync(this PortalClient ministry, Round round, int selected, DateOnly firstDay)
    {
        using (var saved = await ministry.SubmitAsync($"/Ministry/List/{round.CampaignId}/Select", Selection(round, selected), "#selection-form"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var published = await ministry.SubmitAsync($"/Ministry/List/{round.CampaignId}/Publish", new Dictionary<string, string>
        {
            ["Notice"] = "经专家评审，拟将以下合作区列入认定名单，现予以公示。",
            ["WorkingDays"] = "5",
            ["FirstDay"] = firstDay.ToString("yyyy-MM-dd"),
        }, "#publish-form");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, published.StatusCode);
    }
}
