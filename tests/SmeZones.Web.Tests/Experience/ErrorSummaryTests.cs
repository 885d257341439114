using SmeZones.Core.Campaigns;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Experience;

/// <summary>Issue 8 item 4: the error summary counts the problems, not its general lines, and speaks each page's words.</summary>
[Collection(PortalCollection.Name)]
public class ErrorSummaryTests(PortalHost host)
{
    [Fact]
    public async Task A_section_saved_with_two_wrong_values_says_two_not_three()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        using var client = await host.SignedInAsync(chain.Applicant);

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["revenue.total.y3"] = "12.345", ["revenue.total.y2"] = "很多" }, "form.section-form");

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("请修改以下问题后再保存（共 2 处）", page.QuerySelector("#error-summary-title")!.TextContent.Trim());
        // The general line is still there, but not counted as a problem.
        Assert.Equal(3, page.QuerySelectorAll("#error-summary li").Length);
        Assert.Equal(2, page.QuerySelectorAll("#error-summary li a").Length);
    }

    [Fact]
    public async Task A_failed_sign_in_says_the_sign_in_failed_not_to_save_again()
    {
        var user = await host.TestData.CreateUserAsync(SmeZones.Core.Organisations.Roles.Applicant);
        using var client = host.NewClient();

        using var response = await client.LoginAsync(user.UserName!, "wrong-password-1");

        var page = await PortalClient.ParseAsync(response);
        var title = page.QuerySelector("#error-summary-title")!.TextContent.Trim();
        Assert.Equal("登录未成功", title);
        Assert.DoesNotContain("保存", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-1", page.GetElementById("error-summary")!.GetAttribute("tabindex"));
    }
}
