using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Validation;

/// <summary>
/// Posts of a bad shape on pages validated through the page filter: refused beside the field in Chinese (model binding's
/// own messages too), what was typed still on the page, nothing stored; and a good post still saves.
/// </summary>
[Collection(PortalCollection.Name)]
public class PostValidationTests(PortalHost host)
{
    [Fact]
    public async Task Expert_round_settings_with_a_non_number_say_so_in_Chinese_beside_the_field_and_store_nothing()
    {
        var round = await host.TestData.CreateRoundAsync(Programme.Zone);
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));

        using var response = await ministry.SubmitAsync($"/Ministry/Experts/Round/{round.Id}", new Dictionary<string, string>
        {
            ["ExpertsPerApplication"] = "abc", ["ReservesPerApplication"] = "2", ["SpreadThreshold"] = "10",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请填写数字。", page.GetElementById("f-ExpertsPerApplication-error")?.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.False(await db.ExpertReviewSettings.AnyAsync(s => s.CampaignId == round.Id));
    }

    [Fact]
    public async Task Expert_round_settings_out_of_range_are_refused_by_the_validator_and_good_ones_are_saved()
    {
        var round = await host.TestData.CreateRoundAsync(Programme.Zone);
        using var ministry = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Ministry));
        var url = $"/Ministry/Experts/Round/{round.Id}";

        using (var refused = await ministry.SubmitAsync(url, new Dictionary<string, string>
               {
                   ["ExpertsPerApplication"] = "31", ["ReservesPerApplication"] = "2", ["SpreadThreshold"] = "10.3",
               }))
        {
            var page = await PortalClient.ParseAsync(refused);
            Assert.Equal("每个申报的评审专家人数须为 1 至 30", page.GetElementById("f-ExpertsPerApplication-error")?.TextContent.Trim());
            Assert.Equal("分差提示阈值须为 0 至 100 分，0.5 分一档", page.GetElementById("f-SpreadThreshold-error")?.TextContent.Trim());
        }
        using var saved = await ministry.SubmitAsync(url, new Dictionary<string, string>
        {
            ["ExpertsPerApplication"] = "7", ["ReservesPerApplication"] = "2", ["SpreadThreshold"] = "10.5",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewDbContext();
        var settings = await db.ExpertReviewSettings.SingleAsync(s => s.CampaignId == round.Id);
        Assert.Equal((7, 10.5m), (settings.ExpertsPerApplication, settings.SpreadThreshold));
    }

    [Fact]
    public async Task A_holiday_date_that_is_not_a_date_is_refused_in_Chinese_beside_the_date_keeping_the_name_typed()
    {
        using var admin = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Admin));
        var name = "测试节" + TestData.Unique()[..4];

        using var response = await admin.SubmitAsync("/Admin/Holidays", new Dictionary<string, string>
        {
            ["Date"] = "明天", ["Name"] = name, ["IsWorkingDay"] = "false",
        }, "form#holiday-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("日期格式不正确，请按“年-月-日”填写，例如 2026-10-01。", page.GetElementById("f-date-error")?.TextContent.Trim());
        Assert.Equal(name, page.GetElementById("f-name")?.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Name == name));
    }

    [Fact]
    public async Task A_holiday_name_over_50_characters_is_refused_and_a_good_day_is_saved()
    {
        using var admin = await host.SignedInAsync(await host.TestData.CreateUserAsync(Roles.Admin));
        var date = new DateOnly(2031, 3, 1 + Random.Shared.Next(27));

        using (var refused = await admin.SubmitAsync("/Admin/Holidays", new Dictionary<string, string>
               {
                   ["Date"] = date.ToString("yyyy-MM-dd"), ["Name"] = new string('节', 51),
               }, "form#holiday-form"))
        {
            var page = await PortalClient.ParseAsync(refused);
            Assert.Equal("节日名称不能超过 50 个字。", page.GetElementById("f-name-error")?.TextContent.Trim());
        }
        using var saved = await admin.SubmitAsync("/Admin/Holidays", new Dictionary<string, string>
        {
            ["Date"] = date.ToString("yyyy-MM-dd"), ["Name"] = "测试调休", ["IsWorkingDay"] = "true",
        }, "form#holiday-form");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal("测试调休", (await db.CalendarDays.SingleAsync(d => d.Date == date)).Name);
    }

    [Fact]
    public async Task Starting_an_application_with_a_round_id_that_is_not_a_number_is_refused_in_Chinese_and_starts_nothing()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        using var applicant = await host.SignedInAsync(chain.Applicant);

        using var response = await applicant.SubmitAsync("/Applications", new Dictionary<string, string> { ["campaignId"] = "abc" },
            "form[action*='handler=Start']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("请填写数字。", page.GetElementById("error-summary")?.TextContent);
        await using var db = host.NewDbContext();
        Assert.False(await db.Applications.AnyAsync(a => a.OrganisationId == chain.ApplicantOrganisation.Id));
    }
}
