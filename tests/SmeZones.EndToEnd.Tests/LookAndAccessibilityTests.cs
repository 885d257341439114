using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.TestSupport;
using SmeZones.Web.Commands;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

/// <summary>
/// The portal as everyone sees it: axe-core on the key pages of every role, and the pages on a 390 px phone.
/// Each test keeps to one browser context (signing in and out in it), because browser start-up is the slow part here.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LookAndAccessibilityTests(BrowserPortal portal)
{
    private const string Foshan = "佛山市工业和信息化局";
    private const string ZoneRound = "2026年度中外中小企业合作区";

    [Fact]
    public async Task Key_pages_of_every_role_have_no_serious_or_critical_axe_violations()
    {
        var draft = await portal.ApplicationAsync(Foshan, ZoneRound);
        var complete = await portal.CompleteDraftAsync(Foshan, ZoneRound);
        var submitted = await portal.SubmittedAsync(FormFixtures.Complete("zone-2026").Values);
        var page = await portal.NewPageAsync();
        var swept = new List<string>();
        var failures = new StringBuilder();

        async Task Sweep(string name)
        {
            swept.Add(name);
            var result = await page.RunAxe();
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                failures.AppendLine($"{name} ({page.Url}): {violation.Impact} {violation.Id} – {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    failures.AppendLine($"    {node.Target}: {node.Html}");
                }
            }
        }

        async Task Visit(string url, string name)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Status == 200, $"{name}: {url} answered {response?.Status}");
            await Sweep(name);
        }

        try
        {
            await Visit("/Account/Login", "登录");
            await Visit("/Help", "使用帮助");

            await SignInAsync(page, "applicant.foshan");
            await Visit("/", "申报单位首页");
            await Visit($"/Applications/{draft.Id}", "申报概览");
            await Visit($"/Applications/{draft.Id}/SelfCheck", "自查");
            await Visit($"/Applications/{draft.Id}/Sections/basic", "申报表一节");
            // axe checks text only; WCAG 1.4.11 also asks 3:1 for the borders that show where a control is.
            foreach (var control in new[] { "input.form-control", "input[type=radio]" })
            {
                var border = await page.Locator($"main form.section-form {control}").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor");
                Assert.True(ContrastOnWhite(border) >= 3, $"The border of {control} ({border}) has {ContrastOnWhite(border):0.00}:1 on white.");
            }
            await page.GetByLabel("合作区营业总收入（2025年）", new() { Exact = true }).FillAsync("12.345");
            await ClickAndWaitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }));
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await Sweep("申报表一节（有错误）");
            await Visit($"/Applications/{complete.Id}/Evidence", "佐证材料");
            await Visit($"/Applications/{draft.Id}/Submit", "检查并提交（未完成）");
            await Visit($"/Applications/{complete.Id}/Summary", "推荐汇总表信息");
            await SignOutAsync(page);

            await SignInAsync(page, "reviewer.guangdong");
            await Visit("/", "审核单位首页");
            await Visit("/Review", "审核工作台");
            await Visit($"/Review/Applications/{submitted.Id}", "申报详情");
            await Visit($"/Review/Applications/{submitted.Id}/Scoring", "评分");
            await Visit($"/Review/Applications/{submitted.Id}/Decision", "推荐意见与签发");
            await Visit("/Review/Summary", "推荐汇总表");
            await SignOutAsync(page);

            await SignInAsync(page, "ministry");
            await Visit("/", "部级首页");
            await Visit("/Review", "部级审核工作台");
            await SignOutAsync(page);

            await SignInAsync(page, "admin");
            await Visit("/", "管理员首页");
            await Visit("/Admin/Organisations", "单位管理");
            await Visit("/Admin/Users", "用户管理");
            await Visit("/Admin/Campaigns", "申报批次");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        Assert.True(swept.Count >= 12, $"Only {swept.Count} pages swept.");
        Assert.True(failures.Length == 0, $"axe found serious or critical violations:\n{failures}");
    }

    [Fact]
    public async Task With_JavaScript_uploads_and_generated_downloads_show_that_they_are_busy_until_done()
    {
        var draft = await portal.ApplicationAsync(Foshan, ZoneRound);
        var page = await portal.NewPageAsync();
        var folder = Directory.CreateTempSubdirectory("smezones-busy-");
        try
        {
            await SignInAsync(page, "applicant.foshan");

            // The PDF is generated on request: the link says so until the file has come.
            await page.GotoAsync($"/Applications/{draft.Id}");
            var pdf = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "下载 PDF", Exact = true });
            var release = new TaskCompletionSource();
            await page.RouteAsync(new Regex("/Pdf$"), async route => { await release.Task; await route.ContinueAsync(); });
            var download = page.WaitForDownloadAsync();
            await pdf.ClickAsync();
            var busyPdf = page.Locator("main a[aria-busy=true]");
            await Assertions.Expect(busyPdf).ToHaveTextAsync("正在生成，请稍候…");
            release.SetResult();
            Assert.EndsWith(".pdf", (await download).SuggestedFilename, StringComparison.Ordinal);
            await Assertions.Expect(pdf).ToBeVisibleAsync();
            await Assertions.Expect(pdf).Not.ToHaveAttributeAsync("aria-busy", "true");

            // Several files chosen for one slot go up in one post; the button says it is uploading meanwhile.
            await page.GotoAsync($"/Applications/{draft.Id}/Evidence");
            var paths = new[] { "营业执照.pdf", "合作协议.pdf" }.Select(n => Path.Combine(folder.FullName, n)).ToArray();
            foreach (var path in paths)
            {
                await File.WriteAllBytesAsync(path, CompleteApplications.SmallPdf);
            }
            var upload = page.Locator("main form:has(input[type=file])").First;
            await upload.Locator("input[type=file]").SetInputFilesAsync(paths);
            // The busy state lasts until the next page replaces this one, so it is recorded where that page can read it.
            var button = upload.Locator("button[type=submit]");
            await button.EvaluateAsync("b => new MutationObserver(() => sessionStorage.setItem('busy', b.getAttribute('aria-busy') + '|' + b.textContent.trim()))"
                + ".observe(b, { attributes: true, childList: true, characterData: true, subtree: true })");
            await ClickAndWaitAsync(page, button);
            Assert.StartsWith("true|正在上传…", await page.EvaluateAsync<string>("() => sessionStorage.getItem('busy')"), StringComparison.Ordinal);
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已上传 2 个文件：营业执照.pdf、合作协议.pdf");
        }
        finally
        {
            await page.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>WCAG's contrast ratio of a computed colour ("rgb(118, 118, 118)") against white.</summary>
    private static double ContrastOnWhite(string rgb)
    {
        var parts = Regex.Matches(rgb, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        static double Linear(double c) => (c /= 255) <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        var luminance = (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
        return 1.05 / (luminance + 0.05);
    }

    [Fact]
    public async Task On_a_390_px_phone_without_JavaScript_the_menu_folds_the_form_comes_first_and_tables_keep_their_columns()
    {
        var draft = await portal.ApplicationAsync(Foshan, ZoneRound);
        var complete = await portal.CompleteDraftAsync(Foshan, ZoneRound);
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/Account/Login");
            await Assertions.Expect(page.Locator("header")).ToContainTextAsync("工业和信息化部中小企业局");
            await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("主办单位：工业和信息化部中小企业局");
            await page.GetByText("忘记密码或没有账号？").ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("请联系本单位的上级主管部门或平台管理员重置密码");
            await BrowserPortal.ScreenshotAsync(page, "mobile-390-login");
            await page.GetByLabel("用户名").FillAsync("applicant.foshan");
            await page.GetByLabel("密码").FillAsync(DemoData.Password);
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("您好");

            // The menu is one line until opened: the page starts near the top of the screen.
            var header = page.Locator("header.site-header");
            var myApplications = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "我的申报", Exact = true });
            await Assertions.Expect(myApplications).ToBeHiddenAsync();
            Assert.True((await header.BoundingBoxAsync())!.Height <= 90, "The folded header is taller than 90 px.");
            await BrowserPortal.ScreenshotAsync(page, "mobile-390-home");
            await page.GetByText("菜单", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(myApplications).ToBeVisibleAsync();
            await BrowserPortal.ScreenshotAsync(page, "mobile-390-menu-open");

            // On a section page the form comes before the list of sections.
            await page.GotoAsync($"/Applications/{draft.Id}/Sections/basic");
            var formTop = (await page.Locator("main form.section-form").BoundingBoxAsync())!.Y;
            var listTop = (await SectionList(page).BoundingBoxAsync())!.Y;
            Assert.True(formTop < listTop, $"The form starts at {formTop} px, below the section list at {listTop} px.");
            await ScreenshotAsync(page, "mobile-390-section");

            // The evidence tables scroll sideways instead of wrapping each column to a character a line.
            await page.GotoAsync($"/Applications/{complete.Id}/Evidence");
            var headings = page.Locator("main table").First.Locator("thead th");
            await Assertions.Expect(headings).ToHaveCountAsync(6);
            var lineHeight = await headings.First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
            foreach (var box in await Task.WhenAll((await headings.AllAsync()).Select(h => h.BoundingBoxAsync())))
            {
                Assert.True(box!.Height < 2 * lineHeight, $"A column title wraps: {box.Height} px high, lines of {lineHeight} px.");
            }
            var fileName = page.Locator("main table").First.Locator("tbody td").First;
            Assert.True((await fileName.BoundingBoxAsync())!.Height < 2 * lineHeight, "The file name wraps.");
            await ScreenshotAsync(page, "mobile-390-evidence");
            Assert.True(File.Exists(Path.Combine(BrowserPortal.ScreenshotFolder, "mobile-390-evidence.png")));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
