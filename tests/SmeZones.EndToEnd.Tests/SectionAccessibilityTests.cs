using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.EndToEnd.Tests.Infrastructure;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public class SectionAccessibilityTests(BrowserPortal portal)
{
    [Fact]
    public async Task Section_page_is_usable_by_keyboard_every_control_is_labelled_and_errors_lead_to_their_field()
    {
        var page = await portal.NewPageAsync();
        try
        {
            await SignInAsync(page, "applicant.foshan");
            await StartApplicationAsync(page, "2026年度中外中小企业合作区推荐");
            await OpenSectionAsync(page, "basic");

            // The skip link comes first; from it, Tab reaches the form's first input without leaving the main content.
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" });
            await Assertions.Expect(skip).ToBeFocusedAsync();
            await Assertions.Expect(skip).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
            var firstInput = page.Locator("main form.section-form :is(input, textarea, select):not([type=hidden])").First;
            await Assertions.Expect(firstInput).ToHaveAttributeAsync("name", "basic.zoneName");
            // Before the form: only the breadcrumb (首页, 我的申报, the overview; the section list follows the form in the document).
            const int linksBefore = 3;
            var presses = 0;
            while (await page.Locator("main form.section-form :focus").CountAsync() == 0 && presses <= linksBefore)
            {
                await page.Keyboard.PressAsync("Tab");
                presses++;
                Assert.Equal(1, await page.Locator("main :focus").CountAsync());
            }
            await Assertions.Expect(firstInput).ToBeFocusedAsync();
            Assert.Equal(linksBefore + 1, presses);

            // Every visible control has a label of its own (not only a title or placeholder).
            var controls = page.Locator("main :is(input, textarea, select):visible");
            var unlabelled = await controls.EvaluateAllAsync<string[]>(
                "els => els.filter(e => !e.labels || e.labels.length === 0 || e.labels[0].textContent.trim() === '').map(e => e.name || e.id || e.outerHTML)");
            // 9 texts, 7 yes/no questions and the 2 × 3 revenue grid.
            await Assertions.Expect(controls).ToHaveCountAsync(9 + (7 * 2) + 6);
            Assert.Empty(unlabelled);
            foreach (var label in new[] { "合作区名称", "合作区营业总收入（2025年）", "合作区内中小企业营业收入占比（2023年）" })
            {
                await Assertions.Expect(page.GetByLabel(label, new() { Exact = true })).ToBeEditableAsync();
            }

            // A number with 3 decimals is refused: the summary is an alert whose link takes focus to the field.
            var revenue = page.GetByLabel("合作区营业总收入（2025年）", new() { Exact = true });
            await Assertions.Expect(revenue).ToHaveAttributeAsync("name", "revenue.total.y3");
            await revenue.FillAsync("12.345");
            await page.GetByLabel("合作区名称", new() { Exact = true }).FillAsync("无障碍检查合作区");
            await ClickAndWaitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }));

            var summary = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(summary).ToHaveCountAsync(1);
            await Assertions.Expect(summary).ToHaveAttributeAsync("id", "error-summary");
            await Assertions.Expect(summary).ToContainTextAsync("请修改以下问题后再保存（共 1 处）");
            // Focus starts on the summary when the page comes back with errors (issue 8 item 4).
            // (Read from the document: a headless page without window focus reports every element as not focused.)
            Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''"));
            var link = summary.Locator("a[href='#f-revenue-total-y3']");
            await Assertions.Expect(link).ToHaveCountAsync(1);
            await Assertions.Expect(link).ToContainTextAsync("小数");
            await ScreenshotAsync(page, "zone-basic-error");

            // The refused value stays on the page, marked invalid and described by its message; the rest was saved.
            await Assertions.Expect(revenue).ToHaveValueAsync("12.345");
            await Assertions.Expect(revenue).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(revenue).ToHaveAccessibleDescriptionAsync(new Regex("小数"));
            await Assertions.Expect(page.GetByLabel("合作区名称", new() { Exact = true })).ToHaveValueAsync("无障碍检查合作区");

            await link.ClickAsync();
            await Assertions.Expect(revenue).ToBeFocusedAsync();
            await Assertions.Expect(revenue).ToBeInViewportAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
