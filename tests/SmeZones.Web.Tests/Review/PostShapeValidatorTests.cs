using System.Net;
using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Review;

/// <summary>
/// Posts of a bad shape are refused by the pages' validators (through the one validation filter) before the handler
/// runs: the message stands beside its field and nothing is stored.
/// </summary>
[Collection(PortalCollection.Name)]
public class PostShapeValidatorTests(PortalHost host)
{
    [Fact]
    public async Task A_decision_reason_over_2000_characters_is_refused_beside_the_reason_and_nothing_is_saved()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);

        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Decision", new Dictionary<string, string>
        {
            ["Decision"] = "NotRecommend",
            ["Reason"] = new string('理', 2001),
            ["Opinion"] = "",
        }, "form#decision-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("理由不能超过 2000 字（现有 2001 字）。", page.GetElementById("f-Reason-error")?.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.False(await db.StageReviews.AnyAsync(r => r.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_general_return_comment_over_2000_characters_is_refused_beside_it_and_the_application_stays_submitted()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);

        using var response = await reviewer.SubmitAsync($"/Review/Applications/{application.Id}/Return",
            new Dictionary<string, string> { ["General"] = new string('改', 2001) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("总体意见不能超过 2000 字（现有 2001 字）。", page.GetElementById("f-General-error")?.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id)).Status);
    }

    [Fact]
    public async Task A_site_check_date_not_written_as_year_month_day_is_refused_beside_the_date_and_nothing_is_recorded()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.SubmittedZoneAsync(chain);
        using var reviewer = await host.SignedInAsync(chain.Province);

        using var response = await reviewer.PostSiteCheckAsync(application.Id, new Dictionary<string, string>
        {
            ["CheckedOn"] = "2026/08/01",
            ["People"] = "张三",
            ["Findings"] = "现场与申报一致",
        });

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("抽查日期格式不正确，请按“年-月-日”填写，例如 2026-08-01", page.GetElementById("f-CheckedOn-error")?.TextContent.Trim());
        Assert.Equal("张三", page.GetElementById("f-People")!.GetAttribute("value"));
        await using var db = host.NewDbContext();
        Assert.False(await db.SiteChecks.AnyAsync(c => c.ApplicationId == application.Id));
    }

    [Fact]
    public async Task An_import_without_a_file_is_refused_beside_the_file_input_and_nothing_is_imported()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var applicant = await host.SignedInAsync(chain.Applicant);

        using var response = await applicant.SubmitAsync($"/Applications/{application.Id}/Import", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请选择要导入的填报数据文件（JSON）。", page.GetElementById("f-file-error")?.TextContent.Trim());
        await using var db = host.NewDbContext();
        Assert.Empty((await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id)).Answers);
    }
}
