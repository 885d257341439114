using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Registry;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

/// <summary>
/// A certified zone's life in the 名录 (issue 12): the demo 佛山 zone (entered the portal last year, see DemoRegistry)
/// files last year's 年度发展报告, the province forwards it, the ministry accepts it; then the holder files a 变更 long
/// after the change and the province sees it flagged late (第十一条（四）).
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegistryJourneyTests(BrowserPortal portal)
{
    private const string Zone = "中德（佛山）中小企业合作区";

    [Fact]
    public async Task Holder_files_the_annual_report_province_forwards_ministry_accepts_and_a_late_change_is_flagged()
    {
        var today = Dates.Today(portal.Clock.GetUtcNow());
        var certificate = $"合作区〔{today.Year - 2}〕001号";
        var year = today.Year - 1;
        var answers = new FormAnswers(TestData.CompleteAnnualReport(Programme.Zone, year))
            .Set("cover.name", Zone).Set("cover.operator", "佛山中德工业服务区管理有限公司").Set("cover.contact", "王敏 0757-83330000")
            .Set("cover.date", Dates.Format(today)).Set("narrative.text", $"{year}年合作区新引进德资企业5家，中德技术转移中心投入运行，存在问题是高端人才不足。");
        var folder = Directory.CreateTempSubdirectory("smezones-e2e-");
        var pdf = Path.Combine(folder.FullName, "年度发展报告佐证.pdf");
        await File.WriteAllBytesAsync(pdf, CompleteApplications.SmallPdf);
        var page = await portal.NewPageAsync();
        try
        {
            // 1. The holder opens its entry: last year's report is owed (and overdue), and starts it.
            await SignInAsync(page, "applicant.foshan");
            await OpenEntryAsync(page, certificate);
            var reports = page.GetByRole(AriaRole.Table, new() { Name = "年度发展报告" });
            var owed = reports.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{year} 年度" });
            await Assertions.Expect(owed).ToContainTextAsync("未开始");
            await ScreenshotAsync(page, "registry-entry-owing");
            await ClickAndWaitAsync(page, owed.GetByRole(AriaRole.Link, new() { Name = $"{year} 年度" }));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"（{year} 年度）");
            await SaveAsync(page, "开始填报", "Starting the report");
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("填报中");

            // 2. Every control of the report form has an accessible name; the required answers are typed in and saved.
            var unlabelled = await page.Locator("#report-form").Locator("input:not([type=hidden]), textarea, select").EvaluateAllAsync<string[]>(
                "els => els.filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.name)");
            Assert.Empty(unlabelled);
            var found = await FillSectionAsync(page, answers);
            Assert.Equal(answers.Values.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
            // 发展目标完成情况: an imported entry has no original plan, so the holder writes a target line of its own;
            // each direction heads its rows, so every input sits under its column.
            var progress = page.Locator("#report-form table").Filter(new() { HasText = "开放合作" });
            await Assertions.Expect(progress.Locator("th[scope=rowgroup]")).ToHaveTextAsync(["开放合作", "创新能力", "优质中小企业培育", "服务体系"]);
            await progress.GetByLabel("开放合作，新增指标1 （发展目标完成情况）", new() { Exact = true }).FillAsync("外资或合资企业数量（家）");
            await progress.GetByLabel("开放合作，新增指标1，基准值 （发展目标完成情况）", new() { Exact = true }).FillAsync("8");
            await progress.GetByLabel("开放合作，新增指标1，目标值 （发展目标完成情况）", new() { Exact = true }).FillAsync("15");
            await progress.GetByLabel($"开放合作，新增指标1，{year} 年完成值 （发展目标完成情况）", new() { Exact = true }).FillAsync("13");
            await ScreenshotAsync(page, "annual-report-filled");
            await SaveAsync(page, "保存", "Saving the report");
            await Assertions.Expect(Notice(page)).ToContainTextAsync("已保存（");

            // 3. The evidence, then 提交报告: late (the deadline has passed), which is allowed and marked.
            await page.GetByLabel("上传佐证材料（PDF、JPG、PNG 或 OFD，20 MB 以内）").SetInputFilesAsync(pdf);
            await SaveAsync(page, "上传", "Uploading the evidence");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("佐证材料已上传。");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "年度发展报告佐证.pdf" })).ToBeVisibleAsync();
            await SaveAsync(page, "提交报告", "Submitting the report");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("报告已提交，待省级审核。");
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("待省级审核");
            await Assertions.Expect(page.Locator("#late")).ToHaveTextAsync("逾期提交");
            await ScreenshotAsync(page, "annual-report-submitted");
            await SignOutAsync(page);

            // 4. The province forwards it to the ministry.
            await SignInAsync(page, "reviewer.guangdong");
            await OpenReportAsync(page, certificate, year);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "省级审核", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "结论" })).ToBeVisibleAsync();
            await page.GetByLabel("审核通过，报送工业和信息化部").CheckAsync();
            await page.GetByLabel("意见（退回时必填）").FillAsync("材料齐全，同意报送。");
            await ScreenshotAsync(page, "annual-report-province");
            await SaveAsync(page, "提交", "Forwarding the report");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("审核通过，已报送工业和信息化部。");
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("待部级审核");
            await SignOutAsync(page);

            // 5. The ministry accepts it.
            await SignInAsync(page, "ministry");
            await OpenReportAsync(page, certificate, year);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "部级审核", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#province-comment")).ToHaveTextAsync("材料齐全，同意报送。");
            await page.GetByLabel("接收", new() { Exact = true }).CheckAsync();
            await ScreenshotAsync(page, "annual-report-ministry");
            await SaveAsync(page, "提交", "Accepting the report");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已接收该年度发展报告。");
            await SignOutAsync(page);

            // 6. The holder sees 已接收, on the report and in its entry's list.
            await SignInAsync(page, "applicant.foshan");
            await OpenEntryAsync(page, certificate);
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "年度发展报告" }).GetByRole(AriaRole.Row)
                .Filter(new() { HasText = $"{year} 年度" })).ToContainTextAsync("已接收");
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"{year} 年度" }));
            await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("已接收");
            await ScreenshotAsync(page, "annual-report-accepted");

            // 7. The holder files a change of operator that happened 90 days ago: beyond 30 working days, so late.
            var changedOn = today.AddDays(-90);
            await OpenEntryAsync(page, certificate);
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "提出变更或注销申请" }));
            await page.GetByRole(AriaRole.Group, new() { Name = "申请事项" }).GetByLabel(new Regex("^运营管理机构变更")).CheckAsync();
            await page.GetByLabel("变更后的内容（申请注销的不填）").FillAsync("佛山中德产业发展集团有限公司");
            await page.GetByLabel(new Regex("^发生变更的日期")).FillAsync(changedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("申请理由").FillAsync("运营管理机构经佛山市人民政府批复重组，更名后承接原机构全部职能。");
            await page.GetByLabel(new Regex("^佐证材料")).SetInputFilesAsync(pdf);
            await ScreenshotAsync(page, "registry-change-filing");
            await SaveAsync(page, "提交申请", "Filing the change");
            await Assertions.Expect(Notice(page)).ToContainTextAsync("属逾期提出");
            await Assertions.Expect(page.Locator("#late")).ToContainTextAsync("第十一条（四）");
            await ScreenshotAsync(page, "registry-change-filed-late");
            await SignOutAsync(page);

            // 8. The province finds it among the open requests, marked 逾期提出, and reads the 第十一条（四） words.
            await SignInAsync(page, "reviewer.guangdong");
            await ClickAndWaitAsync(page, MainNav(page, "名录"));
            await ClickAndWaitAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "变更与注销申请", Exact = true }));
            var request = page.GetByRole(AriaRole.Table, new() { Name = "办理中" }).GetByRole(AriaRole.Row).Filter(new() { HasText = certificate });
            await Assertions.Expect(request).ToHaveCountAsync(1);
            await Assertions.Expect(request).ToContainTextAsync("逾期提出");
            await ScreenshotAsync(page, "registry-requests-province");
            await ClickAndWaitAsync(page, request.GetByRole(AriaRole.Link, new() { Name = "运营管理机构变更" }));
            // The deadline (30 working days) depends on the holiday calendar; the rest of the words are fixed.
            await Assertions.Expect(page.Locator("#late")).ToHaveTextAsync(new Regex(
                $"^逾期提出：变更发生于 {Regex.Escape(Dates.Format(changedOn))}，应在 \\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日 前（30 个工作日内）提出，实际提出于 {Regex.Escape(Dates.Format(today))}。未及时变更报备属第十一条（四）所列情形。$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "省级初审", Exact = true })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "registry-change-province");
        }
        finally
        {
            folder.Delete(recursive: true);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>名录 → the entry's row, by its certificate number.</summary>
    private static async Task OpenEntryAsync(IPage page, string certificate)
    {
        await ClickAndWaitAsync(page, MainNav(page, "名录"));
        await ClickAndWaitAsync(page, page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = certificate, Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Zone);
    }

    private static async Task OpenReportAsync(IPage page, string certificate, int year)
    {
        await OpenEntryAsync(page, certificate);
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Table, new() { Name = "年度发展报告" }).GetByRole(AriaRole.Link, new() { Name = $"{year} 年度" }));
    }

    private static ILocator MainNav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
