using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.EndToEnd.Tests.Infrastructure;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public class ZoneApplicationJourneyTests(BrowserPortal portal)
{
    private const string Edition = "zone-2026";
    private const string Round = "2026年度中外中小企业合作区推荐";
    private static readonly string[] Sections = ["cover", "basic", "plan", "openness", "innovation", "quality", "service", "declaration"];

    [Fact]
    public async Task Applicant_fills_the_whole_zone_form_uploads_evidence_submits_and_downloads_the_PDF()
    {
        var answers = FormFixtures.Complete(Edition);
        var folder = Directory.CreateTempSubdirectory("smezones-e2e-");
        var pdfPath = Path.Combine(folder.FullName, "佐证材料.pdf");
        await File.WriteAllBytesAsync(pdfPath, CompleteApplications.SmallPdf);
        var page = await portal.NewPageAsync();
        try
        {
            await SignInAsync(page, "applicant.foshan");
            var (_, number) = await StartApplicationAsync(page, Round);

            // The whole form, section by section, in the order the section list gives.
            await ClickAndWaitAsync(page, SectionList(page).GetByRole(AriaRole.Link).First);
            var found = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Sections.Length; i++)
            {
                var section = Sections[i];
                await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Sections/{section}$"));
                var onPage = await FillSectionAsync(page, answers);
                Assert.True(onPage.Count > 0, $"Section {section} has none of the fixture's answer keys.");
                found.UnionWith(onPage);
                await ScreenshotAsync(page, $"zone-{section}");
                var last = i == Sections.Length - 1;
                await SaveAsync(page, last ? "保存" : "保存并继续", $"Saving section {section}");
                await Assertions.Expect(Notice(page)).ToContainTextAsync("已保存（");
            }
            Assert.Empty(answers.Values.Keys.Where(k => !found.Contains(k)).Order(StringComparer.Ordinal));

            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"{number} 申报概览" }));
            await Assertions.Expect(SectionList(page).Locator(".badge")).ToHaveTextAsync(Sections.Select(_ => "已完成").ToArray());
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(answers.Get("basic.zoneName")!);

            // One small PDF in every evidence slot, chosen in the slot's own file input.
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "上传佐证材料" }));
            var slots = EvidenceSlots.For(FormEditionCatalogue.Default.Get(Edition), FormFixtures.RoundYear(Edition));
            var uploads = page.Locator("main form:has(input[type=file])");
            await Assertions.Expect(uploads).ToHaveCountAsync(slots.Count);
            for (var i = 0; i < slots.Count; i++)
            {
                var upload = uploads.Nth(i);
                await upload.GetByLabel($"为“{slots[i].Title}”选择文件（可多选）").SetInputFilesAsync(pdfPath);
                // The file input is a button too; the upload button names its slot to a screen reader.
                var button = upload.GetByRole(AriaRole.Button, new() { Name = "上传" });
                await Assertions.Expect(button).ToHaveAccessibleNameAsync(new Regex($@"^上传\s*到 {Regex.Escape(slots[i].Title)}$"));
                await ClickAndWaitAsync(page, button);
                await AssertNoErrorSummaryAsync(page, $"Uploading to {slots[i].Title}");
                await Assertions.Expect(Notice(page)).ToHaveTextAsync("已上传 1 个文件：佐证材料.pdf");
                await Assertions.Expect(page.Locator("main section").Nth(i).GetByRole(AriaRole.Link, new() { Name = "佐证材料.pdf" })).ToBeVisibleAsync();
            }
            await ScreenshotAsync(page, "zone-evidence");
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "返回申报概况" }).First);

            // The applicant's lines of the 推荐汇总表.
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "填写推荐汇总表信息（简介）" }));
            await page.GetByLabel("重点合作国别（区域）").FillAsync("德国、奥地利、瑞士");
            await page.GetByLabel("合作区简介（300字以内）").FillAsync(
                "佛山中德中小企业合作区以高端装备制造、新材料、智能家电为主导产业，重点合作国别为德国。2025年合作区营业总收入1234.56亿元，外资及合资企业12家，"
                + "专精特新中小企业86家，专精特新“小巨人”企业12家，制造业单项冠军3家。近三年与德国巴登-符腾堡州等地的机构、园区签署合作协议19项。");
            await SaveAsync(page, "保存", "Saving the 推荐汇总表 lines");
            await Assertions.Expect(Notice(page)).ToHaveTextAsync("已保存汇总表信息。");

            // Check and submit.
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "检查并提交" }));
            var ready = page.Locator("main .alert-success");
            if (await ready.CountAsync() == 0)
            {
                Assert.Fail($"The check page refuses submission:\n{await page.Locator("main").InnerTextAsync()}");
            }
            await Assertions.Expect(ready).ToHaveTextAsync("申报表已填写完整，佐证材料已齐全，可以提交。");
            await ScreenshotAsync(page, "zone-submit");
            await SaveAsync(page, "确认提交", "Submitting");
            await Assertions.Expect(page).ToHaveURLAsync(OverviewUrl());
            await Assertions.Expect(Notice(page)).ToContainTextAsync("已提交（电子版校验码");
            await Assertions.Expect(Overview(page, "状态")).ToHaveTextAsync("已提交");
            await Assertions.Expect(Overview(page, "提交时间")).ToBeVisibleAsync();

            // The PDF, from the submitted snapshot.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF" }).ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
            var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
            var text = PdfTools.Compact(await PdfTools.TextAsync(pdf));
            Assert.Contains("中外中小企业合作区申报表", text, StringComparison.Ordinal);
            Assert.Contains("一、基本情况", text, StringComparison.Ordinal);
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.Contains(PdfTools.Compact(answers.Get("basic.zoneName")!), text, StringComparison.Ordinal);
            Assert.DoesNotContain("草稿", text, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }
}
