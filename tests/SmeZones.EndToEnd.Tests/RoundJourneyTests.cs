using Microsoft.Playwright;
using SmeZones.Core.Campaigns;
using SmeZones.EndToEnd.Tests.Infrastructure;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public class RoundJourneyTests(BrowserPortal portal)
{
    private static string Local(DateTimeOffset instant) => RoundDefinition.FormatTime(instant).Replace(' ', 'T');

    [Fact]
    public async Task The_ministry_creates_and_publishes_a_round_and_an_applicant_starts_an_application_in_it()
    {
        const string name = "2025年度中外中小企业合作区补充推荐";
        var now = portal.Clock.GetUtcNow();
        var page = await portal.NewPageAsync();
        await SignInAsync(page, "ministry");
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "批次管理" }));
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "新建申报批次" }));

        await page.GetByLabel("申报项目").SelectOptionAsync(new SelectOptionValue { Label = "中外中小企业合作区" });
        await page.GetByLabel("年度", new() { Exact = true }).FillAsync("2025");
        await page.GetByLabel("批次名称").FillAsync(name);
        await page.GetByLabel("申报表版本（认定标准由申报表确定）").SelectOptionAsync("zone-2025");
        await page.GetByLabel("开始受理时间（北京时间）").FillAsync(Local(now.AddHours(-1)));
        await page.GetByLabel("申报截止时间（北京时间）").FillAsync(Local(now.AddDays(20)));
        await page.GetByLabel("通知文号").FillAsync("工信厅企业函〔2025〕88号");
        await page.GetByLabel("通知规定的报送时限").FillAsync("20日内报送");
        await page.GetByLabel("地市级（合作区）").CheckAsync();
        var first = page.Locator("fieldset", new() { HasText = "第 1 级" });
        await first.GetByLabel("层级").SelectOptionAsync(new SelectOptionValue { Label = "省级" });
        await first.GetByLabel("环节名称").FillAsync("省级初审推荐");
        await first.GetByLabel("本环节截止时间").FillAsync(Local(now.AddDays(30)));
        await first.GetByLabel("名额（省/自治区/直辖市，或每个地州）").FillAsync("2");
        await first.GetByLabel("计划单列市名额").FillAsync("1");
        await first.GetByLabel("兵团名额").FillAsync("1");
        var second = page.Locator("fieldset", new() { HasText = "第 2 级" });
        await second.GetByLabel("层级").SelectOptionAsync(new SelectOptionValue { Label = "部级" });
        await second.GetByLabel("环节名称").FillAsync("工业和信息化部评审");
        await second.GetByLabel("本环节截止时间").FillAsync(Local(now.AddDays(45)));
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("草稿");
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "发布批次" }));
        await Assertions.Expect(page.Locator("main .badge")).ToHaveTextAsync("已发布");
        await BrowserPortal.ScreenshotAsync(page, "round-published");
        await SignOutAsync(page);

        await SignInAsync(page, "applicant.foshan");
        var (_, number) = await StartApplicationAsync(page, name);
        Assert.StartsWith("HZQ-2025-", number, StringComparison.Ordinal);
    }
}
