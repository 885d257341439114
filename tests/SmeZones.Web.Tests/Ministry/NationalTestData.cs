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

/// <summary>A national zone round of the test's own (so counts are its own), and applications at each point of the chain.</summary>
public static class NationalTestData
{
    public const string Foshan = "佛山市工业和信息化局";
    public const string Chengdu = "成都市经济和信息化局";
    public const string Guangdong = "广东省工业和信息化厅";
    public const string Sichuan = "四川省经济和信息化厅";

    /// <summary>A new open zone round: provincial units (2 places, 1 for 计划单列市) then the ministry.</summary>
    public static async Task<Campaign> NationalRoundAsync(this PortalHost host)
    {
        // An organiser of its own: the database allows one round in progress per organiser, programme and year.
        var ministry = await host.TestData.CreateOrganisationAsync(OrganisationLevel.Ministry, null);
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        var campaign = new Campaign
        {
            Name = WorkspaceTestData.UniqueTitle("测试全国合作区批次"),
            Programme = Programme.Zone, Year = 2026, OrganiserId = ministry.Id, FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024",
            ApplicantLevel = OrganisationLevel.Prefecture, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Stages =
            [
                new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级初审推荐", Quota = 2, SpecialUnitQuota = 1 },
                new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "部级评审" },
            ],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>
    /// A submitted application of the organisation in the round, decided at the provincial stage (推荐 or 不予推荐, or
    /// left waiting when <paramref name="decision"/> is Undecided) and signed off when asked; a signed-off recommendation
    /// moves to the ministry. The province's assessment is stored as sign-off stores it.
    /// </summary>
    public static async Task<Application> AtProvinceAsync(
        this PortalHost host, Campaign round, string organisation, ReviewDecision decision, bool signedOff,
        Dictionary<string, string>? answers = null, params (string Slot, byte[] Bytes)[] evidence)
    {
        await using var db = host.NewDbContext();
        var now = host.Clock.GetUtcNow();
        var applicant = await db.Organisations.SingleAsync(o => o.Name == organisation);
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
        var province = await db.Organisations.SingleAsync(o => o.Level == OrganisationLevel.ProvincialUnit && o.RegionCode == application.ProvincialUnitCode);
        var assessment = ApplicationAssessment.Assess(application, definition, new FormAnswers(application.Answers), await ApplicationAssessment.SettingsForAsync(db, application));
        db.StageReviews.Add(new StageReview
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, StageOrder = 1, OrganisationId = province.Id, Decision = decision,
            Opinion = decision == ReviewDecision.Recommend ? $"同意推荐{title}" : null,
            DecisionReason = decision == ReviewDecision.NotRecommend ? "不符合条件" : null,
            DecidedAt = now, SignedOffAt = signedOff ? now : null, SignedOffByName = signedOff ? "张处长" : null,
            AssessmentJson = signedOff ? AssessmentJson.Serialize(assessment) : null, UpdatedAt = now,
        });
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

    public static Task<Application> SignedOffAsync(this PortalHost host, Campaign round, string organisation = Foshan) =>
        host.AtProvinceAsync(round, organisation, ReviewDecision.Recommend, signedOff: true);
}
