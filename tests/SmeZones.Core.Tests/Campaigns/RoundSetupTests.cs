using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Forms;
using SmeZones.Core.Organisations;
using SmeZones.Core.Tests.Infrastructure;

namespace SmeZones.Core.Tests.Campaigns;

/// <summary>草稿 → 已发布 → 已截止 → 已结束, what publishing fixes, and the audited changes a published round allows.</summary>
public class RoundSetupTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset Now = ChinaTime.At(2026, 6, 1, 9);
    private static readonly Actor Organiser = new(Guid.NewGuid(), "ministry", null);

    private async Task<Organisation> NewMinistryAsync()
    {
        await using var db = fixture.CreateContext();
        var ministry = TestData.Organisation("部", OrganisationLevel.Ministry, null);
        db.Organisations.Add(ministry);
        await db.SaveChangesAsync();
        return ministry;
    }

    private async Task<int> DraftAsync(Organisation organiser, RoundDefinition? round = null)
    {
        await using var db = fixture.CreateContext();
        var result = await RoundSetup.SaveDraftAsync(db, null, round ?? RoundDefinitionValidatorTests.ZoneRound(), await db.Organisations.SingleAsync(o => o.Id == organiser.Id), Organiser, Now);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Campaign!.Id;
    }

    private async Task<RoundResult> PublishAsync(int id, DateTimeOffset? at = null)
    {
        await using var db = fixture.CreateContext();
        return await RoundSetup.PublishAsync(db, await LoadAsync(db, id), Organiser, at ?? Now);
    }

    private static Task<Campaign> LoadAsync(PortalDbContext db, int id) =>
        db.Campaigns.Include(c => c.Organiser).Include(c => c.Stages).SingleAsync(c => c.Id == id);

    [Fact]
    public async Task A_new_round_is_a_draft_applicants_cannot_apply_in_until_it_is_published()
    {
        var id = await DraftAsync(await NewMinistryAsync());
        var during = ChinaTime.At(2026, 7, 2);

        await using (var db = fixture.CreateContext())
        {
            var draft = await LoadAsync(db, id);
            Assert.Equal(RoundState.Draft, draft.StateAt(during));
            Assert.False(draft.IsOpenAt(during));
            Assert.Equal("zone-2024", draft.CriteriaEditionKey);
        }
        Assert.True((await PublishAsync(id)).Succeeded);

        await using var after = fixture.CreateContext();
        var published = await LoadAsync(after, id);
        Assert.Equal(RoundState.Published, published.StateAt(during));
        Assert.True(published.IsOpenAt(during));
        Assert.Equal(RoundState.Closed, published.StateAt(ChinaTime.At(2026, 8, 15, 17)));
        Assert.Contains(await after.AuditEvents.Where(e => e.EntityType == nameof(Campaign) && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(), a => a == "RoundPublished");
    }

    [Fact]
    public async Task Publishing_fixes_the_edition_and_the_chain()
    {
        var organiser = await NewMinistryAsync();
        var id = await DraftAsync(organiser);
        Assert.True((await PublishAsync(id)).Succeeded);
        var changed = RoundDefinitionValidatorTests.ZoneRound();
        changed.FormEdition = "zone-2025";
        changed.Year = "2025";
        changed.Stages.RemoveAt(0);
        changed.Stages.Insert(0, new StageDefinition { Level = "ProvincialUnit", Name = "另一个环节", Deadline = "2026-08-31 17:00", Quota = "5" });

        await using var db = fixture.CreateContext();
        var result = await RoundSetup.SaveDraftAsync(db, await LoadAsync(db, id), changed, organiser, Organiser, Now);

        Assert.StartsWith("批次已发布，申报表版本和审核流程不能再修改", Assert.Single(result.Errors).ErrorMessage, StringComparison.Ordinal);
        await using var fresh = fixture.CreateContext();
        var stored = await LoadAsync(fresh, id);
        Assert.Equal("zone-2026", stored.FormEditionKey);
        Assert.Equal(["省级初审推荐", "工业和信息化部评审"], stored.Stages.OrderBy(s => s.Order).Select(s => s.Name));
        Assert.Equal(2, stored.Stages.Single(s => s.Order == 1).Quota);
    }

    [Fact]
    public async Task A_second_open_round_of_the_same_programme_and_year_is_refused_until_the_first_has_ended()
    {
        var organiser = await NewMinistryAsync();
        var first = await DraftAsync(organiser);
        var second = await DraftAsync(organiser);
        Assert.True((await PublishAsync(first)).Succeeded);

        var refused = await PublishAsync(second);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Year", error.PropertyName);
        Assert.Contains("同一项目同一年度只能有一个进行中的批次", error.ErrorMessage, StringComparison.Ordinal);
        var afterClosing = ChinaTime.At(2026, 8, 16);
        await using (var db = fixture.CreateContext())
        {
            Assert.Equal("只有已截止的批次可以结束。", Assert.Single((await RoundSetup.EndAsync(db, await LoadAsync(db, first), Organiser, Now)).Errors).ErrorMessage);
            Assert.True((await RoundSetup.EndAsync(db, await LoadAsync(db, first), Organiser, afterClosing)).Succeeded);
        }
        Assert.True((await PublishAsync(second)).Succeeded);
    }

    [Fact]
    public async Task A_draft_of_a_programme_and_year_already_in_progress_is_refused_on_the_year_when_saved()
    {
        var organiser = await NewMinistryAsync();
        Assert.True((await PublishAsync(await DraftAsync(organiser))).Succeeded);

        await using var db = fixture.CreateContext();
        var refused = await RoundSetup.SaveDraftAsync(db, null, RoundDefinitionValidatorTests.ZoneRound(), await db.Organisations.SingleAsync(o => o.Id == organiser.Id), Organiser, Now);
        var otherOrganiser = await NewMinistryAsync();

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("Year", "已有进行中的2026年度中外中小企业合作区批次“2026年度中外中小企业合作区推荐”；同一项目同一年度只能有一个进行中的批次，请先结束该批次。"),
            (error.PropertyName, error.ErrorMessage));
        Assert.True((await RoundSetup.SaveDraftAsync(db, null, RoundDefinitionValidatorTests.ZoneRound(), await db.Organisations.SingleAsync(o => o.Id == otherOrganiser.Id), Organiser, Now)).Succeeded);
    }

    [Fact]
    public async Task The_database_holds_one_round_in_progress_per_organiser_programme_and_year()
    {
        var organiser = await NewMinistryAsync();
        var first = await DraftAsync(organiser);
        var second = await DraftAsync(organiser);
        Assert.True((await PublishAsync(first)).Succeeded);

        // Past the editor's check, straight to the table: the partial unique index refuses it.
        await using var db = fixture.CreateContext();
        var sneaked = await LoadAsync(db, second);
        sneaked.Status = CampaignStatus.Published;
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(RoundSetup.OneOpenRoundIndex, Assert.IsType<PostgresException>(refused.InnerException).ConstraintName);
    }

    [Fact]
    public async Task Two_drafts_of_one_programme_and_year_published_at_once_one_is_published_the_other_told_why()
    {
        var organiser = await NewMinistryAsync();
        var drafts = new[] { await DraftAsync(organiser), await DraftAsync(organiser) };

        var results = await Task.WhenAll(drafts.Select(id => Task.Run(() => PublishAsync(id))));

        Assert.Single(results, r => r.Succeeded);
        var error = Assert.Single(Assert.Single(results, r => !r.Succeeded).Errors);
        Assert.Equal("Year", error.PropertyName);
        Assert.Contains("同一项目同一年度只能有一个进行中的批次", error.ErrorMessage, StringComparison.Ordinal);
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.Campaigns.CountAsync(c => drafts.Contains(c.Id) && c.Status == CampaignStatus.Published));
    }

    [Fact]
    public async Task Extending_the_closing_time_is_audited_and_shown_to_applicants_shortening_is_refused()
    {
        var id = await DraftAsync(await NewMinistryAsync());
        Assert.True((await PublishAsync(id)).Succeeded);

        await using (var db = fixture.CreateContext())
        {
            var campaign = await LoadAsync(db, id);
            Assert.Null(campaign.ExtensionNotice);
            var shorter = RoundAmendment.Of(campaign);
            shorter.ClosesAt = "2026-08-10 17:00";
            var refused = await RoundAmendments.AmendAsync(db, campaign, shorter, Organiser, Now);
            Assert.StartsWith("已发布批次的截止时间只能延后", Assert.Single(refused.Errors).ErrorMessage, StringComparison.Ordinal);
        }
        await using (var db = fixture.CreateContext())
        {
            var campaign = await LoadAsync(db, id);
            var later = RoundAmendment.Of(campaign);
            later.ClosesAt = "2026-08-25 17:00";
            Assert.True((await RoundAmendments.AmendAsync(db, campaign, later, Organiser, Now)).Succeeded);
        }

        await using var fresh = fixture.CreateContext();
        var extended = await LoadAsync(fresh, id);
        Assert.Equal("截止时间已延长至 2026年8月25日 17:00（北京时间）", extended.ExtensionNotice);
        Assert.True(extended.IsOpenAt(ChinaTime.At(2026, 8, 20)));
        var audit = await fresh.AuditEvents.SingleAsync(e => e.EntityId == id.ToString() && e.Action == "RoundClosingExtended");
        Assert.Equal("“2026年度中外中小企业合作区推荐”截止时间由 2026年8月15日 17:00（北京时间） 延长至 2026年8月25日 17:00（北京时间）", audit.Summary);
    }

    [Fact]
    public async Task A_published_quota_can_be_raised_but_not_lowered_or_removed()
    {
        var id = await DraftAsync(await NewMinistryAsync());
        Assert.True((await PublishAsync(id)).Succeeded);

        await using var db = fixture.CreateContext();
        var campaign = await LoadAsync(db, id);
        var lower = RoundAmendment.Of(campaign);
        lower.Stages[0].Quota = ""; // removed: no limit would let a unit past the places the database holds
        lower.Stages[0].SeparatelyPlannedCityQuota = "0";
        var refused = await RoundAmendments.AmendAsync(db, campaign, lower, Organiser, Now);

        Assert.Equal(["已发布批次的省级初审推荐的名额只能增加，不能少于2", "已发布批次的省级初审推荐计划单列市的名额只能增加，不能少于1"],
            refused.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(["Stages[0].Quota", "Stages[0].SeparatelyPlannedCityQuota"], refused.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public async Task Copying_a_round_makes_next_years_draft_with_next_years_edition_and_times()
    {
        var organiser = await NewMinistryAsync();
        var round2025 = RoundDefinitionValidatorTests.ZoneRound();
        round2025.Year = "2025";
        round2025.FormEdition = "zone-2025";
        round2025.Name = "2025年度中外中小企业合作区推荐";
        var id = await DraftAsync(organiser, round2025);
        await using var db = fixture.CreateContext();
        var editions = FormEditionCatalogue.Default.All.Select(f => (f.Key, f.Programme.ToString(), f.RoundYear));

        var next = RoundDefinition.NextYearOf(await LoadAsync(db, id), editions);

        Assert.Equal(("2026", "2026年度中外中小企业合作区推荐", "zone-2026"), (next.Year, next.Name, next.FormEdition));
        Assert.Equal(("2027-07-01 09:00", "2027-08-15 17:00", "2027-08-31 17:00"), (next.OpensAt, next.ClosesAt, next.Stages[0].Deadline));
        Assert.Null(next.NoticeNumber);
        var saved = await RoundSetup.SaveDraftAsync(db, null, next, organiser, Organiser, Now);
        Assert.Equal(["NoticeNumber", "OfficialDeadline"], saved.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_returned_application_may_be_resubmitted_after_closing_until_the_returning_stages_deadline()
    {
        var campaign = new Campaign
        {
            Name = "r", FormEditionKey = "zone-2026", CriteriaEditionKey = "zone-2024",
            OpensAt = ChinaTime.At(2026, 7, 1), ClosesAt = ChinaTime.At(2026, 8, 15, 17),
            Stages = [new ReviewStage { Order = 1, Name = "省级初审推荐", Level = OrganisationLevel.ProvincialUnit, Deadline = ChinaTime.At(2026, 8, 31, 17) }],
        };
        var application = new Application
        {
            Number = "HZQ-2026-0001", Title = "t", FormEditionKey = "zone-2026", Campaign = campaign,
            Status = ApplicationStatus.Returned, ReachedStageOrder = 1, RegionCode = "440600", PrefectureCode = "440600", ProvincialUnitCode = "440000",
        };
        var definition = FormEditionCatalogue.Default.Get("zone-2026");

        var beforeStageDeadline = ApplicationSubmission.Check(application, definition, [], ChinaTime.At(2026, 8, 20));
        var afterStageDeadline = ApplicationSubmission.Check(application, definition, [], ChinaTime.At(2026, 8, 31, 17));
        application.Status = ApplicationStatus.Draft;
        var draftAfterClosing = ApplicationSubmission.Check(application, definition, [], ChinaTime.At(2026, 8, 20));

        Assert.DoesNotContain("截止", beforeStageDeadline?.Message ?? "", StringComparison.Ordinal);
        Assert.Equal("省级初审推荐已于 2026年8月31日 17:00（北京时间） 截止，退回修改的申报不能再重新提交。", afterStageDeadline?.Message);
        Assert.StartsWith("本批次已于 2026年8月15日 17:00（北京时间） 截止", draftAfterClosing?.Message, StringComparison.Ordinal);
    }
}
