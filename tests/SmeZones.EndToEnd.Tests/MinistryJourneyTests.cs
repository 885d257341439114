using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.Web.Commands;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

/// <summary>
/// The ministry's stage on the demo round whose applications the provinces signed off (DemoMinistryRound): experts are
/// drawn and score, the 建议名单 goes to 公示, a visitor objects, the ministry concludes the objection and certifies.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MinistryJourneyTests(BrowserPortal portal)
{
    private const string Zone = "中德（佛山）中小企业合作区";

    [Fact]
    public async Task Ministry_draws_experts_who_score_then_proposes_publishes_handles_an_objection_and_certifies()
    {
        int campaignId;
        await using (var db = portal.NewDbContext())
        {
            campaignId = (await db.Campaigns.SingleAsync(c => c.Name == DemoMinistryRound.Name)).Id;
        }
        var page = await portal.NewPageAsync();
        try
        {
            // 1. The ministry draws the group for the 佛山 zone: expert1 (广东) must sit out (回避), expert2 and 3 are drawn.
            await SignInAsync(page, "ministry");
            await ClickAndWaitAsync(page, MainNav(page, "专家评审"));
            await ClickAndWaitAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = DemoMinistryRound.Name }));
            var row = page.Locator("main table.expert-ranking tbody tr").Filter(new() { HasText = Zone });
            await ClickAndWaitAsync(page, row.GetByRole(AriaRole.Link));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Zone);
            await SaveAsync(page, "随机抽取", "Drawing experts");
            var group = page.Locator("main table.expert-group tbody tr");
            await Assertions.Expect(group).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("main table.expert-group")).ToContainTextAsync("评审专家（北京）");
            await Assertions.Expect(page.Locator("main table.expert-group")).ToContainTextAsync("评审专家（四川）");
            await Assertions.Expect(page.Locator("main table.expert-group")).Not.ToContainTextAsync("评审专家（广东）");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("（复核一致）");
            await ScreenshotAsync(page, "ministry-draw");
            await SignOutAsync(page);

            // 2. Both experts confirm no conflict and score.
            foreach (var (expert, shot) in new[] { ("expert2", "expert-score-1"), ("expert3", "expert-score-2") })
            {
                await SignInAsync(page, expert);
                await ClickAndWaitAsync(page, MainNav(page, "评审任务"));
                var task = page.Locator("main table tbody tr").Filter(new() { HasText = Zone });
                await Assertions.Expect(task).ToContainTextAsync("待确认无利益冲突");
                await ClickAndWaitAsync(page, task.GetByRole(AriaRole.Link));
                await SaveAsync(page, "确认无利益冲突", "Confirming no conflict");
                var dimensions = page.Locator("main fieldset[data-dimension]");
                await Assertions.Expect(dimensions).ToHaveCountAsync(5);
                foreach (var (dimension, points) in new[] { ("plan", "12"), ("openness", "24"), ("innovation", "16"), ("quality", "12"), ("service", "16") })
                {
                    var fieldset = page.Locator($"main fieldset[data-dimension='{dimension}']");
                    await fieldset.GetByLabel(new Regex("^得分")).FillAsync(points);
                    await fieldset.GetByLabel("评审说明（必填）").FillAsync("材料翔实，与实地情况相符。");
                }
                await page.GetByLabel("评审意见（必填）").FillAsync("该合作区对外开放合作基础扎实，建议列入。");
                await ScreenshotAsync(page, shot);
                await SaveAsync(page, "提交评分表（提交后锁定）", "Submitting the score sheet");
                await ClickAndWaitAsync(page, MainNav(page, "评审任务"));
                await Assertions.Expect(page.Locator("main table tbody tr").Filter(new() { HasText = Zone })).ToContainTextAsync("已提交评分");
                await SignOutAsync(page);
            }

            // 3. The ministry proposes the list (the scored zone first; the others not listed, with reasons) and starts 公示.
            await SignInAsync(page, "ministry");
            await OpenListStepAsync(page, "建议名单");
            var rows = page.Locator("#selection-form tbody tr");
            await Assertions.Expect(rows.First).ToContainTextAsync(Zone);
            await Assertions.Expect(rows.First).ToContainTextAsync("80 通过");
            var count = await rows.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var entry = rows.Nth(i);
                if (i == 0)
                {
                    await entry.GetByLabel("列入建议名单").CheckAsync();
                    await entry.GetByLabel("评审意见").FillAsync("专家评审通过，列入建议名单。");
                }
                else
                {
                    await entry.GetByLabel("列入建议名单").UncheckAsync();
                    await entry.GetByLabel("评审意见").FillAsync("未组织专家评审。");
                    await entry.GetByLabel("未列入理由").FillAsync("尚未完成专家评审，本批次不列入。");
                }
            }
            await SaveAsync(page, "保存建议名单", "Saving the proposed list");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("建议名单已保存。");
            await ScreenshotAsync(page, "ministry-proposed-list");
            await OpenListStepAsync(page, "公示");
            await Assertions.Expect(page.GetByLabel("公示期（工作日）")).ToHaveValueAsync("5");
            await SaveAsync(page, "发布公示", "Publishing");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("建议名单已公示。");
            await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("5 个工作日");
            await ScreenshotAsync(page, "ministry-publish");
            await SignOutAsync(page);

            // 4. An anonymous visitor reads the public page and lodges an objection.
            var visitor = await portal.NewPageAsync();
            try
            {
                await visitor.GotoAsync("/");
                await ClickAndWaitAsync(visitor, visitor.GetByRole(AriaRole.Link, new() { Name = "公示与认定名单" }));
                await ClickAndWaitAsync(visitor, visitor.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("建议名单公示$") }).First);
                await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(Zone);
                await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("中意（佛山）");
                var entries = visitor.GetByLabel("对哪一条目提出异议");
                var option = await entries.Locator("option").Filter(new() { HasText = Zone }).GetAttributeAsync("value");
                await entries.SelectOptionAsync(option!);
                await visitor.GetByLabel("单位名称或真实姓名").FillAsync("张三");
                await visitor.GetByLabel("联系方式（电话或电子邮箱）").FillAsync("13800000000");
                await visitor.GetByLabel(new Regex("^异议内容")).FillAsync("该合作区申报的外资企业数量与工商登记不符，请核查。");
                await ScreenshotAsync(visitor, "public-objection");
                await SaveAsync(visitor, "提交异议", "Lodging an objection");
                await Assertions.Expect(visitor.Locator("#receipt")).ToContainTextAsync("回执编号");
                await ScreenshotAsync(visitor, "public-objection-receipt");
            }
            finally
            {
                await visitor.Context.CloseAsync();
            }

            // 5. The ministry accepts the objection, records its check and concludes it unfounded (不成立).
            await SignInAsync(page, "ministry");
            await OpenListStepAsync(page, "异议处理");
            await SaveAsync(page, "受理", "Accepting the objection");
            await page.GetByLabel("结论：异议不成立").CheckAsync();
            await page.GetByLabel("核查情况或结论理由").FillAsync("经核对工商登记，外资企业数量与申报一致，异议不成立。");
            await SaveAsync(page, "保存", "Concluding the objection");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("异议处理已保存。");
            await Assertions.Expect(page.Locator("main .status").First).ToHaveTextAsync("异议不成立");
            await ScreenshotAsync(page, "ministry-objection");

            // 6. After the period (the clock moves three weeks on, past the session's life too), the ministry certifies.
            await SignOutAsync(page);
            portal.Clock.Advance(TimeSpan.FromDays(21));
            await SignInAsync(page, "ministry");
            await OpenListStepAsync(page, "认定");
            await Assertions.Expect(page.Locator("#certify-refusal")).ToHaveCountAsync(0);
            await SaveAsync(page, "确认认定并发布认定名单", "Certifying");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("认定已完成，认定名单已在公开页面发布。");
            await Assertions.Expect(page.Locator("main table").First).ToContainTextAsync(new Regex(@"合作区〔\d{4}〕\d{3}号"));
            await ScreenshotAsync(page, "ministry-certified");
            await page.GotoAsync($"/Public/Lists/{campaignId}");
            await Assertions.Expect(page.Locator("#certified-title")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Zone);
            await ScreenshotAsync(page, "public-certified-list");
        }
        finally
        {
            portal.Clock.Reset();
            await page.Context.CloseAsync();
        }
    }

    /// <summary>建议名单与认定 → the demo round's row → one of its steps.</summary>
    private static async Task OpenListStepAsync(IPage page, string step)
    {
        await ClickAndWaitAsync(page, MainNav(page, "建议名单与认定"));
        var round = page.Locator("main table tbody tr").Filter(new() { HasText = DemoMinistryRound.Name });
        await ClickAndWaitAsync(page, round.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }));
    }

    private static ILocator MainNav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
