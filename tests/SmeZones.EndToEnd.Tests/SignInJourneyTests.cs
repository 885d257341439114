using Microsoft.Playwright;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.Web.Commands;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public class SignInJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Applicant_signs_in_sees_the_home_page_in_Chinese_and_signs_out()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync("applicant.foshan");
        await page.GetByLabel("密码").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("您好，佛山市 填报员");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2026年度中外中小企业合作区推荐");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserPortal.ScreenshotAsync(page, "applicant-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录申报平台");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("您已退出登录");
        Assert.True(File.Exists(Path.Combine(BrowserPortal.ScreenshotFolder, "applicant-home.png")));
    }
}
