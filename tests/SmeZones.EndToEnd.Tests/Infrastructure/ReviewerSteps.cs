using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static SmeZones.EndToEnd.Tests.Infrastructure.ApplicantSteps;

namespace SmeZones.EndToEnd.Tests.Infrastructure;

/// <summary>What a reviewing officer does in the browser: the inbox, an application's review pages, the downloads.</summary>
public static class ReviewerSteps
{
    public static Task OpenInboxAsync(IPage page) =>
        ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "审核工作台", Exact = true }));

    /// <summary>Filters the inbox to one application by typing its number (and, if asked, ticking 只看待本级审核).</summary>
    public static async Task<ILocator> FindInInboxAsync(IPage page, string number, bool waitingOnly)
    {
        await OpenInboxAsync(page);
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "筛选申报" });
        await filters.GetByLabel("编号或名称包含").FillAsync(number);
        await filters.GetByLabel("只看待本级审核").SetCheckedAsync(waitingOnly);
        await ClickAndWaitAsync(page, filters.GetByRole(AriaRole.Button, new() { Name = "筛选" }));
        var row = InboxRow(page, number);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return row;
    }

    public static ILocator InboxRow(IPage page, string number) =>
        page.Locator("main table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }) });

    /// <summary>One of the action links above the application under review (评分, 实地抽查, 退回修改 …).</summary>
    public static async Task OpenReviewActionAsync(IPage page, string name)
    {
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "审核操作" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        await AssertNoErrorSummaryAsync(page, $"Opening {name}");
    }

    /// <summary>One part of the application under review (申报内容, 评估, 佐证材料, 实地抽查, 记录), through its tab link.</summary>
    public static async Task OpenDetailPartAsync(IPage page, string name)
    {
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "申报详情各部分" });
        await ClickAndWaitAsync(page, tabs.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        await Assertions.Expect(tabs.Locator("a[aria-current=page]")).ToHaveTextAsync(name);
    }

    /// <summary>Back from an action page to the application under review, through its breadcrumb.</summary>
    public static Task BackToApplicationAsync(IPage page, string number) =>
        ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "面包屑" }).GetByRole(AriaRole.Link, new() { Name = number }));

    /// <summary>Clicks a download link and returns the file's suggested name and bytes.</summary>
    public static async Task<(string FileName, byte[] Bytes)> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    /// <summary>Every row of the first sheet as text, reading shared and inline strings as a spreadsheet program would.</summary>
    public static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = part.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
