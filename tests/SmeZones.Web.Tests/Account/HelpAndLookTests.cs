using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using SmeZones.Core.Organisations;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Account;

/// <summary>The portal's name, organiser and help, as an officer meets them before and after signing in.</summary>
[Collection(PortalCollection.Name)]
public class HelpAndLookTests(PortalHost host)
{
    [Fact]
    public async Task Help_page_opens_without_signing_in_and_explains_each_roles_steps()
    {
        using var client = host.NewClient();

        var help = await client.GetDocumentAsync("/Help");

        var headings = help.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("账号与登录", headings);
        Assert.Contains(headings, h => h.StartsWith("申报单位", StringComparison.Ordinal));
        Assert.Contains("审核单位", headings);
        Assert.Contains("部级", headings);
        Assert.Contains("评审专家", headings);
        Assert.Contains("系统管理员", headings);
        var applicantSteps = help.QuerySelectorAll("#applicant ~ ol li").Select(li => li.TextContent).ToList();
        Assert.Contains(applicantSteps, s => s.Contains("检查并提交", StringComparison.Ordinal));
        Assert.Contains("账号由系统管理员按单位开设", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_page_explains_the_registry_steps_of_each_role_messages_and_mail()
    {
        using var client = host.NewClient();

        var help = await client.GetDocumentAsync("/Help");

        var registry = help.GetElementById("registry")!.ParentElement!;
        var roles = registry.QuerySelectorAll("ul > li > strong").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["申报单位", "审核单位（省级）", "部级", "任何人"], roles);
        foreach (var part in new[] { "registry-changes", "registry-revocation", "registry-rereview", "annual-report" })
        {
            Assert.NotEmpty(registry.QuerySelectorAll($"#{part} + ol li"));
        }
        var text = registry.TextContent;
        Assert.Contains("省级审核单位在“变更与注销申请”中初审", text, StringComparison.Ordinal);
        Assert.Contains("复核批次：列入复核的期满条目", text, StringComparison.Ordinal);
        Assert.Contains("3 月 31 日前", text, StringComparison.Ordinal);
        Assert.Contains("30 天和 7 天", text, StringComparison.Ordinal);
        Assert.Contains("到期当日由平台自动转为“已注销”", text, StringComparison.Ordinal);
        Assert.Contains("SMTP", help.GetElementById("messages")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_says_whom_to_ask_when_the_password_is_forgotten()
    {
        using var client = host.NewClient();

        var login = await client.GetDocumentAsync("/Account/Login");

        var forgotten = login.QuerySelector("main details")!;
        Assert.Equal("忘记密码或没有账号？", forgotten.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("请联系本单位的上级主管部门或平台管理员重置密码", forgotten.TextContent, StringComparison.Ordinal);
        Assert.NotNull(forgotten.QuerySelector("a[href='/Help#account']"));
    }

    [Fact]
    public async Task Every_page_names_the_product_in_Chinese_with_its_organiser_and_a_footer_with_whom_to_ask()
    {
        using var client = host.NewClient();
        await client.SignInAsync((await host.TestData.CreateUserAsync(Roles.Applicant)).UserName!);

        var home = await client.GetDocumentAsync("/");

        Assert.Equal("首页 - 中小企业合作区和特色产业集群申报管理平台", home.Title);
        Assert.Equal("合作区和集群申报平台", home.QuerySelector("header .site-name")!.TextContent.Trim());
        Assert.Equal("工业和信息化部中小企业局", home.QuerySelector("header .site-organiser")!.TextContent.Trim());
        Assert.DoesNotContain("SmeZones", home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        var footer = home.QuerySelectorAll("footer li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("主办单位：工业和信息化部中小企业局", footer);
        Assert.Contains(footer, f => f.StartsWith("技术支持：", StringComparison.Ordinal));
        Assert.Contains(footer, f => f.StartsWith("帮助与咨询：", StringComparison.Ordinal));
        // The menu is a <details>, so it folds on a phone without JavaScript.
        Assert.NotNull(home.QuerySelector("header details#site-menu > summary"));
        Assert.NotNull(home.QuerySelector("header details#site-menu nav[aria-label='主导航'] a[href='/Applications']"));
    }

    [Fact]
    public async Task A_province_running_its_own_portal_sets_the_organiser_support_and_contact_in_configuration()
    {
        using var province = host.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Organiser"] = "新疆维吾尔自治区工业和信息化厅",
            ["Portal:TechnicalSupport"] = "自治区信息中心",
            ["Portal:HelpContact"] = "0991-0000000（工作日）",
        })));
        using var client = new PortalClient(province.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var login = await client.GetDocumentAsync("/Account/Login");

        Assert.Equal("新疆维吾尔自治区工业和信息化厅", login.QuerySelector("header .site-organiser")!.TextContent.Trim());
        var footer = login.QuerySelectorAll("footer li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("主办单位：新疆维吾尔自治区工业和信息化厅", footer);
        Assert.Contains("技术支持：自治区信息中心", footer);
        Assert.Contains("帮助与咨询：0991-0000000（工作日）", footer);
    }
}
