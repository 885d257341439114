using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Assessment;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Ministry;

/// <summary>
/// A national zone round of the test's own (so counts are its own), organised by a new ministry authority whose user
/// signs in, with new authorities in 广东 (佛山 applying) and 四川 (成都 applying).
/// </summary>
public sealed record NationalTestRound(
    Campaign Campaign, PortalUser Ministry, Organisation Guangdong, Organisation Sichuan, Organisation Foshan, Organisation Chengdu)
{
    public int Id => Campaign.Id;

    /// <summary>The round's provincial authority of the applicant's unit.</summary>
    public Organisation ProvinceOf(string provincialUnitCode) =>
        provincialUnitCode == Guangdong.RegionCode ? Guangdong
        : provincialUnitCode == Sichuan.RegionCode ? Sichuan
        : throw new ArgumentException($"No authority of unit {provincialUnitCode} in this round.", nameof(provincialUnitCode));
}

/// <summary>Applications at each point of the national round's chain.</summary>
public static class NationalTestData
{
    /// <summary>A new open zone round: provincial units (2 places, 1 for 计划单列市) then the ministry.</summary>
    public static async Task<NationalTestRound> NationalRoundAsync(this PortalHost host)
    {
        var ministry = await host.TestData.CreateUserAsync(Roles.Ministry);
        var guangdong = await host.TestData.CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "440000");
        var sichuan = await host.TestData.CreateOrganisationAsync(OrganisationLevel.ProvincialUnit, "510000");
        var foshan = await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "440600");
        var chengdu = await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "510100");
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        var campaign = new Campaign
        {
            Name = WorkspaceTestData.UniqueTitle("测试全国合作区批次"),
            Programme = Programme.Zone, Year = 2026, OrganiserId = ministry.OrganisationId, FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024",
            ApplicantLevel = OrganisationLevel.Prefecture, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级初审推荐", Quota = 2, SpecialUnitQuota = 1 },
                new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "部级评审" },
            ],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return new NationalTestRound(campaign, ministry, guangdong, sichuan, foshan, chengdu);
    }

    /// <summary>
    /// A submitted application of the organisation in the round, decided at the provincial stage (推荐 or 不予推荐, or
    /// left waiting when <paramref name="decision"/> is Undecided) and signed off when asked; a signed-off recommendation
    /// moves to the ministry. The province's assessment is stored as sign-off stores it.
    /// </summary>
    public static async Task<Application> AtProvinceAsync(
        this PortalHost host, NationalTestRound round, Organisation organisation, ReviewDecision decision, bool signedOff,
        Dictionary<string, string>? answers = null, params (string Slot, byte[] Bytes)[] evidence)
    {
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        var applicant = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
        var campaign = await db.Campaigns.Include(c => c.Stages).Include(c => c.Organiser).SingleAsync(c => c.Id == round.Id);
        var application = await ApplicationFactory.StartDraftAsync(db, campaign, applicant, Actor.System, now);
        var title = answers?.GetValueOrDefault("basic.zoneName") ?? WorkspaceTestData.UniqueTitle("全国测试合作区");
        application.Answers = answers ?? WorkspaceTestData.ZoneAnswers(title);
        application.Title = title;
        foreach (var (slot, bytes) in evidence)
        {
            var id = Guid.NewGuid();
            db.Evidence.Add(new Evidence
            {
                Id = id, ApplicationId = application.Id, SlotKey = slot, FileName = $"佐证{slot}.pdf", ContentType = "application/pdf",
                SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = now,
                Content = new EvidenceContent { EvidenceId = id, Bytes = bytes },
            });
        }
        await db.SaveChangesAsync();
        var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);
        await ApplicationSubmission.SubmitAsync(db, application, definition, Actor.System, now);
        if (decision == ReviewDecision.Undecided)
        {
            return application;
        }
        var province = round.ProvinceOf(application.ProvincialUnitCode);
        var assessment = ApplicationAssessment.Assess(application, definition, new FormAnswers(application.Answers), await ApplicationAssessment.SettingsForAsync(db, application));
        var review = new StageReview
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = province.Id, Decision = decision,
            Opinion = decision == ReviewDecision.Recommend ? $"同意推荐{title}" : null,
            DecisionReason = decision == ReviewDecision.NotRecommend ? "不符合条件" : null,
            DecidedAt = now, SignedOffAt = signedOff ? now : null, SignedOffByName = signedOff ? "张处长" : null, UpdatedAt = now,
        };
        if (signedOff)
        {
            review.KeepAssessment(assessment);
        }
        db.StageReviews.Add(review);
        if (signedOff && decision == ReviewDecision.Recommend)
        {
            application.CurrentStageOrder = 2;
            application.ReachedStageOrder = 2;
        }
        else if (signedOff)
        {
            application.Status = ApplicationStatus.NotRecommended;
        }
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>A recommendation of the applicant (佛山 unless given) signed off to the ministry.</summary>
    public static Task<Application> SignedOffAsync(this PortalHost host, NationalTestRound round, Organisation? organisation = null) =>
        host.AtProvinceAsync(round, organisation ?? round.Foshan, ReviewDecision.Recommend, signedOff: true);
}
