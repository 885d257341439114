using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;
using SmeZones.Web.Scheduling;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Registry;

namespace SmeZones.Web.Tests.Messages;

/// <summary>The registry's hand-overs through their pages, and the daily expiry job, write 站内消息 to the right users.</summary>
[Collection(PortalCollection.Name)]
public class RegistryMessageTests(PortalHost host)
{
    private DateOnly Today => Dates.Today(host.Clock.GetUtcNow());

    private async Task<RegistryRequest> FileNameChangeAsync(PortalClient applicant, RegistryEntry entry, string newName)
    {
        using (var filed = await RegistryPageTests.PostMultipartAsync(applicant, $"/Registry/{entry.Id}/File", new Dictionary<string, string>
        {
            ["Kind"] = "Name", ["NewValue"] = newName, ["ChangedOn"] = Today.AddDays(-5).ToString("yyyy-MM-dd"), ["Reason"] = "经批准更名。",
        }, "Evidence", "批复.pdf", CompleteApplications.SmallPdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        }
        await using var db = host.NewDbContext();
        return await db.RegistryRequests.AsNoTracking().SingleAsync(r => r.EntryId == entry.Id && r.Status == RegistryRequestStatus.WithProvince);
    }

    private static async Task DecideAsync(PortalClient client, RegistryRequest request, bool pass, string comment = "")
    {
        using var response = await client.SubmitAsync($"/Registry/Requests/{request.Id}",
            new Dictionary<string, string> { ["Pass"] = pass ? "true" : "false", ["Comment"] = comment });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_change_request_tells_the_province_when_filed_the_ministry_when_forwarded_and_holder_and_province_when_approved()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        var otherProvince = await host.TestData.CreateUserAsync(OrganisationLevel.ProvincialUnit, "510000", Roles.Reviewer);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var applicant = await host.SignedInAsync(chain.Applicant);

        var request = await FileNameChangeAsync(applicant, entry, $"{entry.Name}（更名）");

        var filed = Assert.Single(await host.MessagesOfAsync(chain.Province));
        Assert.Equal((MessageKinds.RegistryRequestFiled.Key, "/Registry/Request"), (filed.Kind, filed.LinkPage));
        Assert.Contains(entry.Name, filed.Title, StringComparison.Ordinal);
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant));
        Assert.Empty(await host.MessagesOfAsync(ministryUser, MessageKinds.RegistryRequestFiled.Key));
        Assert.Empty(await host.MessagesOfAsync(otherProvince));

        using var province = await host.SignedInAsync(chain.Province);
        using (var opened = await province.Http.GetAsync(new Uri($"/Messages/Open/{filed.Id}", UriKind.Relative)))
        {
            Assert.Equal($"/Registry/Requests/{request.Id}", opened.Headers.Location?.OriginalString);
        }
        await DecideAsync(province, request, pass: true, "情况属实。");

        var forwarded = Assert.Single(await host.MessagesOfAsync(ministryUser), m => m.Body.Contains(entry.Name, StringComparison.Ordinal));
        Assert.Equal(MessageKinds.RegistryRequestForwarded.Key, forwarded.Kind);
        Assert.Empty(await host.MessagesOfAsync(chain.Applicant));

        using var ministry = await host.SignedInAsync(ministryUser);
        await DecideAsync(ministry, request, pass: true);

        var approved = Assert.Single(await host.MessagesOfAsync(chain.Applicant));
        Assert.Equal(MessageKinds.RegistryRequestApproved.Key, approved.Kind);
        Assert.Contains($"{entry.Name}（更名）", approved.Body, StringComparison.Ordinal);
        Assert.Single(await host.MessagesOfAsync(chain.Province, MessageKinds.RegistryRequestApproved.Key));
        Assert.Empty(await host.MessagesOfAsync(otherProvince));
    }

    [Fact]
    public async Task A_province_return_tells_the_holder_and_a_ministry_return_tells_holder_and_province_with_the_comment()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var applicant = await host.SignedInAsync(chain.Applicant);
        using var province = await host.SignedInAsync(chain.Province);
        using var ministry = await host.SignedInAsync(ministryUser);

        var first = await FileNameChangeAsync(applicant, entry, $"{entry.Name}甲");
        await DecideAsync(province, first, pass: false, "请补充更名批复原件。");

        var byProvince = Assert.Single(await host.MessagesOfAsync(chain.Applicant));
        Assert.Equal(MessageKinds.RegistryRequestReturned.Key, byProvince.Kind);
        Assert.Contains("省级初审", byProvince.Title, StringComparison.Ordinal);
        Assert.Contains("请补充更名批复原件。", byProvince.Body, StringComparison.Ordinal);
        Assert.Empty(await host.MessagesOfAsync(chain.Province, MessageKinds.RegistryRequestReturned.Key));

        var second = await FileNameChangeAsync(applicant, entry, $"{entry.Name}乙");
        await DecideAsync(province, second, pass: true);
        await DecideAsync(ministry, second, pass: false, "名称不符合命名规范。");

        var byMinistry = Assert.Single(await host.MessagesOfAsync(chain.Applicant), m => m.Title.Contains("部级审定", StringComparison.Ordinal));
        Assert.Contains("名称不符合命名规范。", byMinistry.Body, StringComparison.Ordinal);
        var toProvince = Assert.Single(await host.MessagesOfAsync(chain.Province, MessageKinds.RegistryRequestReturned.Key));
        Assert.Equal(byMinistry.Title, toProvince.Title);
    }

    [Fact]
    public async Task Revocation_tells_the_holder_and_the_province_its_grounds_and_date()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var ministryUser = await host.TestData.CreateUserAsync(Roles.Ministry);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation);
        using var ministry = await host.SignedInAsync(ministryUser);

        using (var revoked = await ministry.SubmitAsync($"/Registry/{entry.Id}/Revoke", new Dictionary<string, string>
        {
            ["Grounds"] = "2", ["Text"] = "连续两年未报送年度发展报告。", ["EffectiveOn"] = "2026-11-20",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        foreach (var user in new[] { chain.Applicant, chain.Province })
        {
            var message = Assert.Single(await host.MessagesOfAsync(user));
            Assert.Equal((MessageKinds.RegistryRevoked.Key, "/Registry/Detail"), (message.Kind, message.LinkPage));
            Assert.Contains("2026年11月20日", message.Body, StringComparison.Ordinal);
            Assert.Contains("不报送上一年度发展报告", message.Body, StringComparison.Ordinal);
        }
        Assert.Empty(await host.MessagesOfAsync(ministryUser));
    }

    [Fact]
    public async Task A_passed_re_review_tells_the_holder_and_the_province_the_new_validity()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var entry = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation, certifiedOn: new DateOnly(2021, 6, 30),
            validUntil: new DateOnly(2025, 12, 31), status: RegistryStatus.ExpiredAwaitingReview);
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        using (var passed = await ministry.SubmitAsync($"/Registry/{entry.Id}/ReReview", new Dictionary<string, string> { ["Note"] = "工信部企业函〔2026〕9号" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        }

        foreach (var user in new[] { chain.Applicant, chain.Province })
        {
            var message = Assert.Single(await host.MessagesOfAsync(user));
            Assert.Equal(MessageKinds.RegistryReReviewPassed.Key, message.Kind);
            Assert.Contains("有效期延至2030年12月31日", message.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_expiry_job_moves_an_entry_the_day_after_its_last_valid_day_and_tells_holder_and_organiser_once()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        await using (var db = host.NewDbContext())
        {
            chain.Round.Organiser = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == chain.Round.OrganiserId);
        }
        var organiser = await host.TestData.CreateUserAsync(chain.Round.Organiser, Roles.Ministry);
        var otherMinistry = await host.TestData.CreateUserAsync(Roles.Ministry);
        var ended = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation, certifiedOn: new DateOnly(2021, 6, 30),
            validUntil: Today.AddDays(-1), round: chain.Round);
        var lastDay = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation, certifiedOn: new DateOnly(2021, 6, 30),
            validUntil: Today, round: chain.Round);
        var imported = await host.TestData.CreateRegistryEntryAsync(chain.ApplicantOrganisation, certifiedOn: new DateOnly(2020, 6, 30),
            validUntil: Today.AddDays(-1));

        for (var run = 0; run < 2; run++)
        {
            await using var db = host.NewDbContext();
            await new RegistryExpiryJob(db, host.Clock, NullLogger<RegistryExpiryJob>.Instance).Execute(null!);
        }

        await using (var check = host.NewDbContext())
        {
            var statuses = await check.RegistryEntries.Where(e => e.Id == ended.Id || e.Id == lastDay.Id).ToDictionaryAsync(e => e.Id, e => e.Status);
            Assert.Equal(RegistryStatus.ExpiredAwaitingReview, statuses[ended.Id]);
            Assert.Equal(RegistryStatus.Valid, statuses[lastDay.Id]);
        }
        var holder = await host.MessagesOfAsync(chain.Applicant);
        Assert.Equal(2, holder.Count);
        Assert.All(holder, m => Assert.Equal(MessageKinds.RegistryExpired.Key, m.Kind));
        Assert.Single(holder, m => m.Body.Contains(ended.Name, StringComparison.Ordinal));
        Assert.Single(holder, m => m.Body.Contains(imported.Name, StringComparison.Ordinal));
        var toOrganiser = Assert.Single(await host.MessagesOfAsync(organiser), m => m.Body.Contains(ended.Name, StringComparison.Ordinal));
        Assert.Contains(ended.Name, toOrganiser.Body, StringComparison.Ordinal);
        Assert.Contains("请组织复核", toOrganiser.Body, StringComparison.Ordinal);
        // An imported entry has no round: the ministry, which re-reviews, is told instead; a round's entry only its organiser.
        var toMinistry = await host.MessagesOfAsync(otherMinistry, MessageKinds.RegistryExpired.Key);
        Assert.Single(toMinistry, m => m.Body.Contains(imported.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(toMinistry, m => m.Body.Contains(ended.Name, StringComparison.Ordinal));
        Assert.Empty(await host.MessagesOfAsync(chain.Province));
    }
}
