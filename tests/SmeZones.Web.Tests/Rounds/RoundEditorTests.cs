using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Rounds;

/// <summary>The round editor and overview through HTTP: messages beside fields, publishing, extensions applicants see, who reaches which round.</summary>
[Collection(PortalCollection.Name)]
public class RoundEditorTests(PortalHost host)
{
    /// <summary>A new client signed in as a new user in the role at a new authority of the level and region.</summary>
    private async Task<PortalClient> SignedInAsync(string role, OrganisationLevel? level = null, string? region = null) =>
        await host.SignedInAsync(level is { } l ? await host.TestData.CreateUserAsync(l, region, role) : await host.TestData.CreateUserAsync(role));

    private Dictionary<string, string> ZoneRound(string name, string year = "2025", string edition = "zone-2025")
    {
        var now = host.Clock.GetUtcNow();
        return new Dictionary<string, string>
        {
            ["Round.Programme"] = "Zone",
            ["Round.Year"] = year,
            ["Round.Name"] = name,
            ["Round.FormEdition"] = edition,
            ["Round.OpensAt"] = RoundDefinition.FormatTime(now.AddDays(-1)).Replace(' ', 'T'),
            ["Round.ClosesAt"] = RoundDefinition.FormatTime(now.AddDays(30)).Replace(' ', 'T'),
            ["Round.NoticeNumber"] = "工信厅企业函〔2025〕1号",
            ["Round.OfficialDeadline"] = "30日内报送",
            ["Round.ApplicantLevel"] = "Prefecture",
            ["Round.Stages[0].Level"] = "ProvincialUnit",
            ["Round.Stages[0].Name"] = "省级初审推荐",
            ["Round.Stages[0].Deadline"] = RoundDefinition.FormatTime(now.AddDays(40)).Replace(' ', 'T'),
            ["Round.Stages[0].Quota"] = "2",
            ["Round.Stages[0].SeparatelyPlannedCityQuota"] = "1",
            ["Round.Stages[1].Level"] = "Ministry",
            ["Round.Stages[1].Name"] = "工业和信息化部评审",
            ["Round.Stages[1].Deadline"] = RoundDefinition.FormatTime(now.AddDays(60)).Replace(' ', 'T'),
            ["Round.IntroMaxChars"] = "300",
        };
    }

    private static string Unique(string label) => label + Guid.NewGuid().ToString("N")[..12];

    private async Task<int> IdOfAsync(string name)
    {
        await using var db = host.NewDbContext();
        return await db.Campaigns.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private static string? ErrorText(IDocument page, string field) => page.GetElementById($"f-{field}-error")?.TextContent;

    [Fact]
    public async Task The_editor_puts_each_problem_beside_its_field_and_saves_nothing()
    {
        using var client = await SignedInAsync(Roles.Ministry);
        var name = Unique("坏批次");
        var fields = ZoneRound(name, year: "2027");
        fields["Round.ClosesAt"] = "2020-01-01T00:00";
        fields["Round.Stages[0].Quota"] = "-3";
        fields["Round.Stages[0].BingtuanQuota"] = "一个";
        fields["Round.Stages[1].Level"] = "County";

        using var response = await client.SubmitAsync("/Rounds/Edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("申报表 zone-2025 的数据年份为2022—2024年，适用于2025年度，与本批次年度（2027年）不符", ErrorText(page, "Round-FormEdition"));
        Assert.Equal("截止时间须晚于开始受理时间", ErrorText(page, "Round-ClosesAt"));
        Assert.Equal("第1级的名额不能为负数", ErrorText(page, "Round-Stages-0--Quota"));
        Assert.Equal("第1级兵团的名额须为整数（不限名额请留空）", ErrorText(page, "Round-Stages-0--BingtuanQuota"));
        Assert.Equal("请选择第2级审核环节的层级", ErrorText(page, "Round-Stages-1--Level"));
        Assert.Equal(name, page.QuerySelector("input[name='Round.Name']")?.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Name == name));
    }

    [Fact]
    public async Task The_ministry_publishes_a_round_applicants_see_it_and_an_extension_is_audited_and_shown()
    {
        using var ministry = await SignedInAsync(Roles.Ministry);
        var name = Unique("2025年度合作区补充推荐");
        using (var saved = await ministry.SubmitAsync("/Rounds/Edit", ZoneRound(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var id = await IdOfAsync(name);
        var overview = $"/Rounds/Overview/{id}";
        using var applicant = await SignedInAsync(Roles.Applicant, OrganisationLevel.Prefecture, "440600");
        Assert.DoesNotContain(name, (await applicant.GetDocumentAsync("/Applications")).Body!.TextContent, StringComparison.Ordinal);

        using (var published = await ministry.SubmitAsync(overview, new Dictionary<string, string>(), "form[action*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        Assert.Contains(name, (await applicant.GetDocumentAsync("/Applications")).Body!.TextContent, StringComparison.Ordinal);

        var later = host.Clock.GetUtcNow().AddDays(45);
        using (var extended = await ministry.SubmitAsync(overview, new Dictionary<string, string>
        {
            ["Amend.ClosesAt"] = RoundDefinition.FormatTime(later).Replace(' ', 'T'),
            ["Amend.Stages[0].Deadline"] = RoundDefinition.FormatTime(later.AddDays(10)).Replace(' ', 'T'),
            ["Amend.Stages[0].Quota"] = "2",
            ["Amend.Stages[0].SeparatelyPlannedCityQuota"] = "1",
            ["Amend.Stages[1].Deadline"] = RoundDefinition.FormatTime(later.AddDays(20)).Replace(' ', 'T'),
        }, "form#amend"))
        {
            Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        }

        var expected = $"截止时间已延长至 {ChinaTime.Format(RoundDefinition.ParseValidTime(RoundDefinition.FormatTime(later)))}";
        Assert.Contains(expected, (await applicant.GetDocumentAsync("/Applications")).Body!.TextContent, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal(["RoundCreated", "RoundPublished", "RoundClosingExtended", "RoundStageAmended", "RoundStageAmended"],
            await db.AuditEvents.Where(e => e.EntityType == "Campaign" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

        // Published: the editor no longer opens, and a post cannot change the edition.
        using var edit = await ministry.Http.GetAsync(new Uri($"/Rounds/Edit/{id}", UriKind.Relative));
        Assert.Equal(overview, edit.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_provincial_authority_organises_only_its_own_rounds_and_another_province_cannot_reach_them()
    {
        var xinjiangReviewer = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "650000", Roles.Reviewer);
        using var xinjiang = await host.SignedInAsync(xinjiangReviewer);
        var name = Unique("2026年新疆集群复核补充");
        var now = host.Clock.GetUtcNow();
        var fields = new Dictionary<string, string>
        {
            ["OrganiserId"] = "1", // ignored: a provincial authority organises as itself
            ["Round.Programme"] = "ClusterReview", ["Round.Year"] = "2026", ["Round.Name"] = name, ["Round.FormEdition"] = "cluster-review-xj",
            ["Round.OpensAt"] = RoundDefinition.FormatTime(now).Replace(' ', 'T'), ["Round.ClosesAt"] = RoundDefinition.FormatTime(now.AddDays(20)).Replace(' ', 'T'),
            ["Round.NoticeNumber"] = "新工信函〔2026〕9号", ["Round.OfficialDeadline"] = "20日内", ["Round.ApplicantLevel"] = "County",
            ["Round.Stages[0].Level"] = "Prefecture", ["Round.Stages[0].Name"] = "地州初审", ["Round.Stages[0].Quota"] = "2",
            ["Round.Stages[0].Deadline"] = RoundDefinition.FormatTime(now.AddDays(30)).Replace(' ', 'T'),
            ["Round.Stages[1].Level"] = "ProvincialUnit", ["Round.Stages[1].Name"] = "自治区复核",
            ["Round.Stages[1].Deadline"] = RoundDefinition.FormatTime(now.AddDays(40)).Replace(' ', 'T'), ["Round.IntroMaxChars"] = "300",
        };
        using (var saved = await xinjiang.SubmitAsync("/Rounds/Edit", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var id = await IdOfAsync(name);
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(xinjiangReviewer.Organisation!.Name, (await db.Campaigns.Include(c => c.Organiser).SingleAsync(c => c.Id == id)).Organiser!.Name);
        }

        using var guangdong = await SignedInAsync(Roles.Reviewer, OrganisationLevel.ProvincialUnit, "440000");
        foreach (var url in new[] { $"/Rounds/Overview/{id}", $"/Rounds/Edit/{id}", $"/Rounds/Edit?copyFrom={id}" })
        {
            using var response = await guangdong.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        fields["Round.Name"] = "广东改写新疆批次";
        using (var post = await guangdong.SubmitAsync("/Rounds/Edit", fields))
        {
            // Saved, if at all, as 广东's own round: never into 新疆's.
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(name, (await db.Campaigns.SingleAsync(c => c.Id == id)).Name);
        }
        Assert.DoesNotContain(name, (await guangdong.GetDocumentAsync("/Rounds")).Body!.TextContent, StringComparison.Ordinal);

        using var applicant = await SignedInAsync(Roles.Applicant, OrganisationLevel.County, "652301");
        using var denied = await applicant.Http.GetAsync(new Uri("/Rounds", UriKind.Relative));
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_round_lists_show_names_and_the_overview_shows_stage_deadlines_and_units_not_signed_off()
    {
        var round = await host.TestData.CreateRoundAsync(Programme.Zone);
        using var admin = await SignedInAsync(Roles.Admin);
        var list = (await admin.GetDocumentAsync("/Admin/Campaigns")).Body!.TextContent;
        Assert.DoesNotContain("zone-2026", list, StringComparison.Ordinal);
        Assert.Contains("中外中小企业合作区申报表（2026年度版）", list, StringComparison.Ordinal);
        Assert.Contains("中外中小企业合作区认定标准（2024年版）", list, StringComparison.Ordinal);

        var zone = round.Id;
        var foshan = await host.TestData.CreateOrganisationAsync(OrganisationLevel.Prefecture, "440600");
        await host.TestData.CreateApplicationAsync(foshan, round, reachedStage: 1);
        using var ministry = await SignedInAsync(Roles.Ministry);
        var overview = await ministry.GetDocumentAsync($"/Rounds/Overview/{zone}");
        var stages = overview.QuerySelectorAll("table")[0].TextContent;
        Assert.Contains("省级中小企业主管部门初审推荐", stages, StringComparison.Ordinal);
        Assert.Contains("（北京时间）", stages, StringComparison.Ordinal);
        Assert.Contains("广东省", stages, StringComparison.Ordinal);
        Assert.Contains("还剩", overview.Body!.TextContent, StringComparison.Ordinal);
    }
}
