using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.Core.Review;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.TestSupport;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;
using static SmeZones.EndToEnd.Tests.Infrastructure.ReviewerSteps;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public partial class ReviewJourneyTests(BrowserPortal portal)
{
    private const string Edition = "zone-2026";
    private const string Round = "2026年度中外中小企业合作区推荐";
    private const string ZoneName = "佛山中德中小企业合作区（审核旅程）";
    private const string SummaryTitle = "2026年度中外中小企业合作区推荐汇总表";
    private const string Intro =
        "合作区以高端装备制造、新材料、智能家电为主导产业，重点合作国别为德国。2025年营业总收入1234.56亿元，专精特新中小企业86家，"
        + "专精特新“小巨人”企业12家，制造业单项冠军3家，与德国巴登-符腾堡州等地机构签署合作协议19项。";
    private const string ReturnComment = "请核实2025年外资或合资企业数量，与企业名录核对后更正。";
    private const string Opinion = "经审核，该合作区对外开放合作基础扎实，创新能力较强，同意推荐。";

    private static readonly string[] SummaryColumns =
        ["序号", "合作区名称", "合作区运营管理机构", "所在省（区、市）", "所在市（州、区）", "重点合作国别（区域）", "合作区简介（300字以内）"];

    [Fact]
    public async Task Provincial_reviewer_checks_scores_returns_compares_recommends_signs_off_and_downloads_the_summary_table()
    {
        var answers = FormFixtures.Complete(Edition).Set("basic.zoneName", ZoneName).Set("cover.zoneName", ZoneName);
        var page = await portal.NewPageAsync();
        try
        {
            // 1. The applicant submits a complete application, with its 简介.
            await SignInAsync(page, "applicant.foshan");
            var (_, number) = await SubmitCompleteApplicationAsync(page, Round, Edition, ZoneSections, answers, "德国、奥地利、瑞士", Intro);
            await SignOutAsync(page);

            // 2. The province finds it waiting, looks at it, checks on site, scores and returns it.
            await SignInAsync(page, "reviewer.guangdong");
            var row = await FindInInboxAsync(page, number, waitingOnly: true);
            await Assertions.Expect(row.Locator(".inbox-position")).ToHaveTextAsync("待本级审核");
            await Assertions.Expect(row).ToContainTextAsync(ZoneName);
            await Assertions.Expect(row.Locator(".inbox-review")).ToHaveTextAsync("尚未作出审核意见");
            await ScreenshotAsync(page, "review-inbox");

            await ClickAndWaitAsync(page, row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(ZoneName);
            await OpenDetailPartAsync(page, "评估");
            var assessment = page.GetByRole(AriaRole.Region, new() { Name = "评估" });
            var foreignFirms = assessment.Locator(".requirement").Filter(new() { HasText = "不少于10家外资或合资企业" });
            await Assertions.Expect(foreignFirms).ToHaveCountAsync(1);
            await Assertions.Expect(foreignFirms.Locator(".badge")).ToHaveTextAsync("符合");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("本级审核：尚未作出审核意见。");
            await ScreenshotAsync(page, "review-application");

            // 实地抽查: yesterday in Beijing, two people, what they found, and a photo of the minutes.
            await OpenReviewActionAsync(page, "实地抽查");
            var checkedOn = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);
            await page.GetByLabel("抽查日期").FillAsync(checkedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel(new Regex("^抽查人员")).FillAsync("王强、刘芳");
            await page.GetByLabel(new Regex("^抽查情况")).FillAsync("实地察看了核心区中德智能制造产业园，抽查3家外资企业的营业执照，与申报数据一致。");
            var folder = Directory.CreateTempSubdirectory("smezones-e2e-");
            try
            {
                var minutes = Path.Combine(folder.FullName, "抽查纪要.pdf");
                await File.WriteAllBytesAsync(minutes, SmeZones.Web.Tests.Infrastructure.CompleteApplications.SmallPdf);
                await page.GetByLabel(new Regex("^附件")).SetInputFilesAsync(minutes);
                await SaveAsync(page, "保存抽查记录", "Saving the site check");
            }
            finally
            {
                folder.Delete(recursive: true);
            }
            await Assertions.Expect(Notice(page)).ToHaveTextAsync($"已记录实地抽查（{checkedOn:yyyy-MM-dd}），附件 1 个。");
            var check = page.Locator("main article.site-check");
            await Assertions.Expect(check).ToHaveCountAsync(1);
            await Assertions.Expect(check).ToContainTextAsync("抽查人员：王强、刘芳");
            await Assertions.Expect(check.GetByRole(AriaRole.Link, new() { Name = "抽查纪要.pdf" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "review-sitecheck");

            // 评分: the suggestion beside each dimension, except the last, half a point lower with a reason.
            await BackToApplicationAsync(page, number);
            await OpenReviewActionAsync(page, "评分");
            var dimensions = page.Locator("main form.scoring-form fieldset[data-dimension]");
            var count = await dimensions.CountAsync();
            Assert.Equal(5, count);
            var total = 0m;
            for (var i = 0; i < count; i++)
            {
                var dimension = dimensions.Nth(i);
                var basis = await dimension.Locator("p[id^=basis-]").InnerTextAsync();
                var max = decimal.Parse(Max().Match(await dimension.Locator("legend").InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
                var suggestion = Suggestion().Match(basis);
                var suggested = suggestion.Success ? decimal.Parse(suggestion.Groups[1].Value, CultureInfo.InvariantCulture) : (decimal?)null;
                var points = suggested ?? Math.Floor(max * 0.8m);
                if (i == count - 1 && suggested is not null)
                {
                    points = suggested.Value >= 0.5m ? suggested.Value - 0.5m : 0.5m;
                }
                await dimension.GetByLabel(new Regex("^得分")).FillAsync(points.ToString(CultureInfo.InvariantCulture));
                if (points != suggested)
                {
                    await dimension.GetByLabel(new Regex("^说明")).FillAsync("实地抽查发现部分服务事项尚未上线，酌情扣减。");
                }
                total += points;
            }
            await ScreenshotAsync(page, "review-scoring");
            await SaveAsync(page, "保存评分", "Saving the scores");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("评分已保存。");
            await Assertions.Expect(page.Locator("main .scoring-result h2")).ToContainTextAsync($"总分 {ScoringText.Number(total)} 分");

            // 退回修改 with a comment on 对外开放合作情况.
            await BackToApplicationAsync(page, number);
            await OpenReviewActionAsync(page, "退回修改");
            var openness = page.Locator("main textarea[name='Comments[openness]']");
            var opennessHeading = (await page.Locator($"main label[for='{await openness.GetAttributeAsync("id")}']").InnerTextAsync()).Trim();
            Assert.Contains("对外开放合作情况", opennessHeading, StringComparison.Ordinal);
            await page.GetByLabel(opennessHeading, new() { Exact = true }).FillAsync(ReturnComment);
            await ScreenshotAsync(page, "review-return");
            await SaveAsync(page, "确认退回修改", "Returning");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync($"已退回 {number}，申报单位修改后重新提交，将回到本级审核。");
            await Assertions.Expect(Overview(page, "状态")).ToHaveTextAsync("退回修改");
            await SignOutAsync(page);

            // 3. The applicant reads the comment, corrects the figure and resubmits.
            await SignInAsync(page, "applicant.foshan");
            await OpenMyApplicationsAsync(page);
            await ClickAndWaitAsync(page, page.Locator("main table tbody tr").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }));
            await Assertions.Expect(Overview(page, "状态")).ToHaveTextAsync("退回修改");
            var comments = page.GetByRole(AriaRole.Region, new() { Name = "审核单位退回修改意见" });
            await Assertions.Expect(comments).ToContainTextAsync("广东省工业和信息化厅");
            await Assertions.Expect(comments.Locator("dd")).ToHaveTextAsync(ReturnComment);
            await ClickAndWaitAsync(page, comments.GetByRole(AriaRole.Link, new() { Name = opennessHeading }));
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Sections/openness$"));
            await Assertions.Expect(page.Locator("#revision-comments")).ToContainTextAsync(ReturnComment);
            Assert.Equal("12", answers.Get("openness.foreignFirms.y3"));
            await FillSectionAsync(page, answers.Set("openness.foreignFirms.y3", "13"), ["openness.foreignFirms.y3"]);
            await SaveAsync(page, "保存", "Saving the corrected figure");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已保存（1 项）。");
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"{number} 申报概览" }));
            await CheckAndSubmitAsync(page);
            await Assertions.Expect(page.Locator("#revision-comments")).ToHaveCountAsync(0);
            await SignOutAsync(page);

            // 4. The province compares the two submissions, recommends and signs off.
            await SignInAsync(page, "reviewer.guangdong");
            row = await FindInInboxAsync(page, number, waitingOnly: true);
            await Assertions.Expect(row.Locator(".inbox-position")).ToHaveTextAsync("待本级审核");
            await ClickAndWaitAsync(page, row.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }));
            await OpenReviewActionAsync(page, "修改对比");
            await Assertions.Expect(page.Locator("#change-count")).ToHaveTextAsync("共 1 处修改。");
            var change = page.Locator("main table.changes tbody tr");
            await Assertions.Expect(change).ToHaveCountAsync(1);
            await Assertions.Expect(change.Locator("th")).ToContainTextAsync("合作区外资或合资企业数量");
            await Assertions.Expect(change.Locator("td")).ToHaveTextAsync([new Regex("^12"), new Regex("^13")]);
            await Assertions.Expect(page.Locator("main table.changes thead")).ToContainTextAsync("修改前（第 1 次）");
            await Assertions.Expect(page.Locator("main table.changes thead")).ToContainTextAsync("修改后（第 2 次）");
            await ScreenshotAsync(page, "review-changes");

            await BackToApplicationAsync(page, number);
            await OpenReviewActionAsync(page, "推荐意见与签发");
            var decision = page.Locator("#decision-form");
            await decision.GetByLabel(new Regex("^推荐（")).CheckAsync();
            await decision.GetByLabel(new Regex("^推荐意见")).FillAsync(Opinion);
            await SaveAsync(page, "保存结论", "Saving the decision");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已保存结论：推荐。签发前仍可修改。");
            await Assertions.Expect(decision.GetByLabel(new Regex("^推荐（"))).ToBeCheckedAsync();
            await Assertions.Expect(decision.GetByLabel(new Regex("^推荐意见"))).ToHaveValueAsync(Opinion);
            var signOff = page.Locator("#signoff-form");
            await Assertions.Expect(signOff).ToContainTextAsync("将签发已保存的结论：推荐。");
            await signOff.GetByLabel("我已核对以上结论，确认签发").CheckAsync();
            await ScreenshotAsync(page, "review-decision");
            await ClickAndWaitAsync(page, signOff.GetByRole(AriaRole.Button, new() { Name = "签发" }));
            await AssertNoErrorSummaryAsync(page, "Signing off");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已签发，本级结论已锁定。");

            // Locked: the signed conclusion with who and when, no form to change it.
            var signed = page.GetByRole(AriaRole.Region, new() { Name = "本级结论（已签发）" });
            await Assertions.Expect(signed.Locator("dt:text-is('结论') + dd")).ToHaveTextAsync("推荐");
            await Assertions.Expect(signed.Locator("dt:text-is('推荐意见') + dd")).ToHaveTextAsync(Opinion);
            await Assertions.Expect(signed.Locator("dt:text-is('签发') + dd")).ToHaveTextAsync(new Regex(@"^广东省 审核员，\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$"));
            await Assertions.Expect(page.Locator("main .alert-warning[role=status]")).ToContainTextAsync("签发，不能再修改");
            await Assertions.Expect(page.Locator("#decision-form, #signoff-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存结论" })).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "review-signed-off");

            // Nothing more to score or return here: those actions are gone; the application has gone on to the ministry.
            await BackToApplicationAsync(page, number);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("本级审核：推荐，已于");
            await OpenDetailPartAsync(page, "记录");
            await Assertions.Expect(page.Locator("main table.audit-trail")).ToContainTextAsync("报送至工业和信息化部评审");
            var actions = page.GetByRole(AriaRole.Navigation, new() { Name = "审核操作" });
            await Assertions.Expect(actions.GetByRole(AriaRole.Link, new() { Name = "评分", Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(actions.GetByRole(AriaRole.Link, new() { Name = "退回修改", Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync("工业和信息化部评审");
            row = await FindInInboxAsync(page, number, waitingOnly: false);
            await Assertions.Expect(row.Locator(".inbox-position")).ToHaveTextAsync("已报送上级");
            await Assertions.Expect(row.Locator(".inbox-review")).ToContainTextAsync("已签发");
            await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("已提交");

            // 5. The 推荐汇总表, previewed and downloaded as .xlsx and PDF.
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "推荐汇总表", Exact = true }));
            await page.GetByLabel("申报批次").SelectOptionAsync(new SelectOptionValue { Label = Round });
            await page.GetByLabel("联系人及联系方式").FillAsync("张伟 020-83133000");
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "生成预览" }));
            await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync(SummaryTitle);
            await Assertions.Expect(page.Locator("main table thead th")).ToHaveTextAsync(SummaryColumns);
            var summaryRow = page.Locator("main table tbody tr").Filter(new() { HasText = ZoneName });
            await Assertions.Expect(summaryRow).ToHaveCountAsync(1);
            await Assertions.Expect(summaryRow).ToContainTextAsync("德国、奥地利、瑞士");
            await ScreenshotAsync(page, "review-summary");

            var (xlsxName, xlsx) = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel（.xlsx）" }));
            Assert.Equal(SummaryTitle + ".xlsx", xlsxName);
            var rows = ReadSheet(xlsx);
            Assert.Equal(SummaryTitle, rows[0][0]);
            Assert.Contains(rows, r => r.Count == 1 && r[0] == "联系人及联系方式：张伟 020-83133000");
            Assert.Contains(rows, r => r.SequenceEqual(SummaryColumns));
            var line = Assert.Single(rows, r => r.Count > 1 && r[1] == ZoneName);
            Assert.Equal(["佛山市南海区中德工业服务区管理委员会", "广东省", "佛山市", "德国、奥地利、瑞士", Intro], line.Skip(2));

            var (pdfName, pdf) = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF（盖章用）" }));
            Assert.Equal(SummaryTitle + ".pdf", pdfName);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
            Assert.Contains(SummaryTitle, PdfTools.Compact(await PdfTools.TextAsync(pdf)), StringComparison.Ordinal);
            await SignOutAsync(page);

            // The ministry now has it waiting at its own stage.
            await SignInAsync(page, "ministry");
            row = await FindInInboxAsync(page, number, waitingOnly: true);
            await Assertions.Expect(row.Locator(".inbox-position")).ToHaveTextAsync("待本级审核");
            await Assertions.Expect(page.Locator("main section.inbox-campaign p")).ToContainTextAsync("本级审核环节：工业和信息化部评审");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"建议分：([\d.]+) 分")]
    private static partial Regex Suggestion();

    [GeneratedRegex(@"满分 ([\d.]+) 分")]
    private static partial Regex Max();
}
