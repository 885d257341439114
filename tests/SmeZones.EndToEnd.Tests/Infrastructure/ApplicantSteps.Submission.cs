using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The applicant's way from a new draft to a submitted application, in steps other journeys can share: the whole form
/// section by section, a file in every evidence slot, the 推荐汇总表 lines, and 检查并提交 (also used to resubmit).
/// </summary>
public static partial class ApplicantSteps
{
    /// <summary>The zone form's sections in the order the section list gives them.</summary>
    public static IReadOnlyList<string> ZoneSections { get; } = ["cover", "basic", "plan", "openness", "innovation", "quality", "service", "declaration"];

    /// <summary>
    /// Starts a draft in <paramref name="round"/> and takes it all the way to 已提交: every section filled from
    /// <paramref name="answers"/>, one small PDF in every evidence slot, the 推荐汇总表 lines, then submitted.
    /// Returns the application's id and number; the page is left on its overview.
    /// </summary>
    public static async Task<(Guid Id, string Number)> SubmitCompleteApplicationAsync(
        IPage page, string round, string editionKey, IReadOnlyList<string> sections, FormAnswers answers, string partners, string intro)
    {
        var (id, number) = await StartApplicationAsync(page, round);
        await FillWholeFormAsync(page, sections, answers);
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"{number} 申报概览" }));
        await Assertions.Expect(SectionList(page).Locator(".badge")).ToHaveTextAsync(sections.Select(_ => "已完成").ToArray());
        await UploadEvidenceEverywhereAsync(page, editionKey);
        await WriteSummaryLinesAsync(page, partners, intro);
        await CheckAndSubmitAsync(page);
        return (id, number);
    }

    /// <summary>
    /// From the overview: the first section, then each one in turn with 保存并继续 (保存 on the last).
    /// <paramref name="filled"/> runs on each page once it is filled (e.g. a screenshot). Returns the keys found on the pages.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FillWholeFormAsync(
        IPage page, IReadOnlyList<string> sections, FormAnswers answers, Func<string, Task>? filled = null)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await ClickAndWaitAsync(page, SectionList(page).GetByRole(AriaRole.Link).First);
        for (var i = 0; i < sections.Count; i++)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Sections/{sections[i]}$"));
            var onPage = await FillSectionAsync(page, answers);
            Assert.True(onPage.Count > 0, $"Section {sections[i]} has none of the answer keys.");
            found.UnionWith(onPage);
            if (filled is not null)
            {
                await filled(sections[i]);
            }
            await SaveAsync(page, i == sections.Count - 1 ? "保存" : "保存并继续", $"Saving section {sections[i]}");
            await Assertions.Expect(Notice(page)).ToContainTextAsync("已保存（");
        }
        return found;
    }

    /// <summary>From the overview: 上传佐证材料, one small PDF chosen in each slot's file input and uploaded; back to the overview.</summary>
    public static async Task UploadEvidenceEverywhereAsync(IPage page, string editionKey)
    {
        var folder = Directory.CreateTempSubdirectory("smezones-e2e-");
        try
        {
            var pdfPath = Path.Combine(folder.FullName, "佐证材料.pdf");
            await File.WriteAllBytesAsync(pdfPath, CompleteApplications.SmallPdf);
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "上传佐证材料" }));
            var definition = FormEditionCatalogue.Default.Get(editionKey);
            var slots = EvidenceSlots.For(definition, definition.RoundYear);
            var uploads = page.Locator("main form:has(input[type=file])");
            await Assertions.Expect(uploads).ToHaveCountAsync(slots.Count);
            for (var i = 0; i < slots.Count; i++)
            {
                var upload = uploads.Nth(i);
                await upload.GetByLabel($"为“{slots[i].Title}”选择文件（可多选）").SetInputFilesAsync(pdfPath);
                // The upload button names its slot to a screen reader.
                var button = upload.GetByRole(AriaRole.Button, new() { Name = "上传" });
                await Assertions.Expect(button).ToHaveAccessibleNameAsync(new Regex($@"^上传\s*到 {Regex.Escape(slots[i].Title)}$"));
                await ClickAndWaitAsync(page, button);
                await AssertNoErrorSummaryAsync(page, $"Uploading to {slots[i].Title}");
                await Assertions.Expect(Notice(page)).ToHaveTextAsync("已上传 1 个文件：佐证材料.pdf");
                await Assertions.Expect(page.Locator("main section").Nth(i).GetByRole(AriaRole.Link, new() { Name = "佐证材料.pdf" })).ToBeVisibleAsync();
            }
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "返回申报概况" }).First);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>From the overview: 填写推荐汇总表信息（简介）, the partner countries and the 简介, saved; stays on that page.</summary>
    public static async Task WriteSummaryLinesAsync(IPage page, string partners, string intro)
    {
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "填写推荐汇总表信息（简介）" }));
        await page.GetByLabel("重点合作国别（区域）").FillAsync(partners);
        await page.GetByLabel("合作区简介（300字以内）").FillAsync(intro);
        await SaveAsync(page, "保存", "Saving the 推荐汇总表 lines");
        await Assertions.Expect(Notice(page)).ToHaveTextAsync("已保存汇总表信息。");
    }

    /// <summary>检查并提交 (a link on the overview, the 汇总表 page and others), then 确认提交; ends on the overview, 已提交.</summary>
    public static async Task CheckAndSubmitAsync(IPage page, Func<Task>? beforeConfirming = null)
    {
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "检查并提交" }));
        var ready = page.Locator("main .alert-success");
        if (await ready.CountAsync() == 0)
        {
            Assert.Fail($"The check page refuses submission:\n{await page.Locator("main").InnerTextAsync()}");
        }
        await Assertions.Expect(ready).ToHaveTextAsync("申报表已填写完整，佐证材料已齐全，可以提交。请核对下列内容，然后在页面底部确认提交。");
        if (beforeConfirming is not null)
        {
            await beforeConfirming();
        }
        await SaveAsync(page, "确认提交", "Submitting");
        await Assertions.Expect(page).ToHaveURLAsync(OverviewUrl());
        await Assertions.Expect(Notice(page)).ToContainTextAsync("已提交（电子版校验码");
        await Assertions.Expect(Overview(page, "状态")).ToHaveTextAsync("已提交");
    }
}
