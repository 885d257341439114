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

    [Fact]
    public async Task Applicant_fills_the_whole_zone_form_uploads_evidence_submits_and_downloads_the_PDF()
    {
        var answers = FormFixtures.Complete(Edition);
        var page = await portal.NewPageAsync();
        try
        {
            await SignInAsync(page, "applicant.foshan");
            var (_, number) = await StartApplicationAsync(page, Round);

            // The whole form, section by section, a screenshot of each page once filled; every fixture key is on some page.
            var found = await FillWholeFormAsync(page, ZoneSections, answers, section => ScreenshotAsync(page, $"zone-{section}"));
            Assert.Empty(answers.Values.Keys.Where(k => !found.Contains(k)).Order(StringComparer.Ordinal));

            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"{number} 申报概览" }));
            await Assertions.Expect(SectionList(page).Locator(".badge")).ToHaveTextAsync(ZoneSections.Select(_ => "已完成").ToArray());
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(answers.Get("basic.zoneName")!);

            await UploadEvidenceEverywhereAsync(page, Edition);
            await WriteSummaryLinesAsync(page, "德国、奥地利、瑞士",
                "佛山中德中小企业合作区以高端装备制造、新材料、智能家电为主导产业，重点合作国别为德国。2025年合作区营业总收入1234.56亿元，外资及合资企业12家，"
                + "专精特新中小企业86家，专精特新“小巨人”企业12家，制造业单项冠军3家。近三年与德国巴登-符腾堡州等地的机构、园区签署合作协议19项。");
            await CheckAndSubmitAsync(page, () => ScreenshotAsync(page, "zone-submit"));
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
        }
    }
}
