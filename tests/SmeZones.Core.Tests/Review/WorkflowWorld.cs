using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;
using SmeZones.Core.Regions;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Review;

/// <summary>The review chain of a test round.</summary>
internal enum Chain
{
    /// <summary>Zone rounds: 省级初审推荐 (quota 2, 1 for 计划单列市) → 工业和信息化部评审.</summary>
    ProvinceToMinistry,

    /// <summary>Cluster rounds as some provinces run them: 地市 (no quota) → 省级 (8, 2 for 计划单列市) → 工业和信息化部.</summary>
    CountyToMinistry,
}

/// <summary>
/// A round of its own with its own authorities, so quota rows and access never collide with other tests sharing the
/// database. Every step goes through a fresh DbContext, as each web request would.
/// </summary>
internal sealed class WorkflowWorld(MigratedDatabaseFixture fixture, int campaignId, FormDefinition definition,
    IReadOnlyDictionary<string, (Organisation Organisation, string Role)> units)
{
    public const string Guangdong = "广东", Shenzhen = "深圳", Ministry = "部", Foshan = "佛山", Nanshan = "南山";
    public const string Nanhai = "南海", FoshanReviewer = "佛山审核";

    public int CampaignId { get; } = campaignId;

    public FormDefinition Definition { get; } = definition;

    public Organisation Unit(string name) => units[name].Organisation;

    public static async Task<WorkflowWorld> CreateAsync(
        MigratedDatabaseFixture fixture, int? quota = 2, int? specialUnitQuota = 1, Chain chain = Chain.ProvinceToMinistry)
    {
        await using var db = fixture.CreateContext();
        var units = new Dictionary<string, (Organisation Organisation, string Role)>
        {
            [Ministry] = (TestData.Organisation("工业和信息化部", OrganisationLevel.Ministry, null), Roles.Ministry),
            [Guangdong] = (TestData.Organisation("广东省工业和信息化厅", OrganisationLevel.ProvincialUnit, "440000"), Roles.Reviewer),
            [Shenzhen] = (TestData.Organisation("深圳市工业和信息化局", OrganisationLevel.ProvincialUnit, "440300"), Roles.Reviewer),
            [Foshan] = (TestData.Organisation("佛山市工业和信息化局", OrganisationLevel.Prefecture, "440600"), Roles.Applicant),
            // Zones are applied for by prefecture-level authorities; 深圳 is its own prefecture, so a district stands in.
            [Nanshan] = (TestData.Organisation("深圳市南山区", OrganisationLevel.County, "440305"), Roles.Applicant),
            [Nanhai] = (TestData.Organisation("佛山市南海区", OrganisationLevel.County, "440605"), Roles.Applicant),
            [FoshanReviewer] = (TestData.Organisation("佛山市工业和信息化局（审核）", OrganisationLevel.Prefecture, "440600"), Roles.Reviewer),
        };
        db.Organisations.AddRange(units.Values.Select(u => u.Organisation));
        var zone = chain == Chain.ProvinceToMinistry;
        var campaign = new Campaign
        {
            Name = TestData.Unique(zone ? "2026年度中外中小企业合作区" : "2024年度中小企业特色产业集群"),
            Programme = zone ? Programme.Zone : Programme.Cluster,
            Year = zone ? 2026 : 2024,
            Organiser = units[Ministry].Organisation,
            FormEditionKey = zone ? "zone-2026" : "cluster-2024",
            CriteriaEditionKey = zone ? "zone-2024" : "cluster-2022",
            ApplicantLevel = zone ? OrganisationLevel.Prefecture : OrganisationLevel.County,
            OpensAt = DateTimeOffset.UtcNow.AddDays(-1),
            ClosesAt = DateTimeOffset.UtcNow.AddDays(30),
            Stages = zone
                ?
                [
                    new() { Order = 1, Level = OrganisationLevel.ProvincialUnit, Name = "省级初审推荐", Quota = quota, SpecialUnitQuota = specialUnitQuota },
                    new() { Order = 2, Level = OrganisationLevel.Ministry, Name = "工业和信息化部评审" },
                ]
                :
                [
                    new() { Order = 1, Level = OrganisationLevel.Prefecture, Name = "地市初审" },
                    new() { Order = 2, Level = OrganisationLevel.ProvincialUnit, Name = "省级推荐", Quota = 8, SpecialUnitQuota = 2 },
                    new() { Order = 3, Level = OrganisationLevel.Ministry, Name = "工业和信息化部评审" },
                ],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return new WorkflowWorld(fixture, campaign.Id, FormEditionCatalogue.Default.Get(campaign.FormEditionKey), units);
    }

    public PortalDbContext NewContext() => fixture.CreateContext();

    public string ConnectionString => fixture.ConnectionString;

    public Viewer ViewerOf(string unit)
    {
        var (organisation, role) = units[unit];
        return new Viewer(Guid.NewGuid(), organisation.Id, organisation.Level, organisation.RegionCode, new HashSet<string> { role });
    }

    public Actor ActorOf(string unit) => new(Guid.NewGuid(), $"user.{unit}", Unit(unit).Id);

    /// <summary>A new application of the unit, submitted once with the answers given.</summary>
    public async Task<Guid> SubmitNewAsync(string applicant, IReadOnlyDictionary<string, string>? answers = null)
    {
        await using var db = NewContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == Unit(applicant).Id);
        var campaign = await db.Campaigns.Include(c => c.Stages).SingleAsync(c => c.Id == CampaignId);
        var jurisdiction = Jurisdiction.Of(organisation.RegionCode!);
        var now = DateTimeOffset.UtcNow;
        var application = new Application
        {
            Id = Guid.NewGuid(),
            Number = TestData.Unique("HZQ")[..24],
            Campaign = campaign,
            Organisation = organisation,
            RegionCode = jurisdiction.RegionCode,
            PrefectureCode = jurisdiction.PrefectureCode,
            ProvincialUnitCode = jurisdiction.ProvincialUnitCode,
            Title = "测试合作区",
            FormEditionKey = campaign.FormEditionKey,
            Answers = new Dictionary<string, string>(answers ?? new Dictionary<string, string> { ["basic.zoneName"] = "测试合作区" }),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        await ApplicationSubmission.SubmitAsync(db, application, Definition, ActorOf(applicant), now);
        return application.Id;
    }

    /// <summary>The applicant edits some answers of a returned application and submits again.</summary>
    public async Task ResubmitAsync(Guid id, string applicant, IReadOnlyDictionary<string, string?> edits)
    {
        await using var db = NewContext();
        var application = await db.Applications.FindVisibleAsync(ViewerOf(applicant), id) ?? throw new InvalidOperationException("Not visible.");
        Assert.True(application.IsEditableByApplicant, "A returned application is editable by its applicant.");
        var answers = new FormAnswers(application.Answers);
        foreach (var (key, value) in edits)
        {
            answers.Set(key, value);
        }
        application.Answers = answers.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        await db.SaveChangesAsync();
        // The test answers are not complete, but nothing else (status, deadline) may stand in the way of resubmitting.
        var refusal = ApplicationSubmission.Check(application, Definition, [], DateTimeOffset.UtcNow);
        Assert.True(refusal is null || refusal.Errors.Count > 0, refusal?.Message);
        await ApplicationSubmission.SubmitAsync(db, application, Definition, ActorOf(applicant), DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Runs a workflow step as the unit would from a page: its own context, the application found through access, the
    /// unit's stage position loaded once.
    /// </summary>
    public async Task<ReviewOutcome> AsAsync(string unit, Guid id, Func<PortalDbContext, StagePosition, Actor, Task<ReviewOutcome>> step)
    {
        await using var db = NewContext();
        var position = await PositionAsync(db, unit, id);
        return await step(db, position, ActorOf(unit));
    }

    /// <summary>The unit's stage position on the application, read in <paramref name="db"/> as a page reads it.</summary>
    public async Task<StagePosition> PositionAsync(PortalDbContext db, string unit, Guid id)
    {
        var viewer = ViewerOf(unit);
        var application = await db.Applications.FindVisibleAsync(viewer, id) ?? throw new InvalidOperationException($"{unit} cannot see {id}.");
        return await StagePosition.LoadAsync(db, application, viewer);
    }

    public Task<ReviewOutcome> ReturnAsync(string unit, Guid id, string? general, params (string Section, string Comment)[] sections) =>
        AsAsync(unit, id, (db, position, actor) => ReviewWorkflow.ReturnAsync(db, position, Definition, actor,
            new RevisionInput(sections.ToDictionary(s => s.Section, s => (string?)s.Comment), general), DateTimeOffset.UtcNow));

    /// <summary>A decision posted with the version the reviewer just saw, as the page does.</summary>
    public Task<ReviewOutcome> DecideAsync(string unit, Guid id, ReviewDecision decision, string? reason = null, string? opinion = "同意推荐。") =>
        AsAsync(unit, id, (db, position, actor) => ReviewWorkflow.DecideAsync(db, position, actor,
            new DecisionInput(decision, reason, opinion, position.Review?.Version ?? 0), DateTimeOffset.UtcNow));

    public Task<ReviewOutcome> SignOffAsync(string unit, Guid id, bool confirmed = true) =>
        AsAsync(unit, id, (db, position, actor) => ReviewWorkflow.SignOffAsync(db, position, actor,
            new SignOffInput(confirmed, position.Review?.Version ?? 0, $"签发人{unit}"), DateTimeOffset.UtcNow));

    public async Task<Application> ApplicationAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<StageReview?> ReviewAsync(Guid id, int stage)
    {
        await using var db = NewContext();
        return await db.StageReviews.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == id && r.StageOrder == stage);
    }

    public async Task<QuotaUsage?> QuotaAsync(string unit, int stage = 1)
    {
        await using var db = NewContext();
        return await db.QuotaUsages.AsNoTracking()
            .SingleOrDefaultAsync(q => q.CampaignId == CampaignId && q.StageOrder == stage && q.OrganisationId == Unit(unit).Id);
    }

    public async Task<List<string>> AuditActionsAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    public async Task<bool> VisibleToAsync(string unit, Guid id)
    {
        await using var db = NewContext();
        return await db.Applications.AsNoTracking().FindVisibleAsync(ViewerOf(unit), id) is not null;
    }

    public static string QuotaMessage(int limit) => $"本单位在本批次的推荐名额（{limit} 个）已用完，不能再推荐。";
}
