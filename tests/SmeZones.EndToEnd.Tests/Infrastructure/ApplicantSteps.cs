using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmeZones.Core.Forms;
using SmeZones.Web.Commands;

namespace SmeZones.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What an applicant does in the browser, step by step, as a person would: type, tick, choose, click. Pages are
/// only read (never changed) through script, to find which answer keys a section page has.
/// </summary>
public static partial class ApplicantSteps
{
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoData.Password);
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录申报平台");
    }

    public static Task OpenMyApplicationsAsync(IPage page) =>
        ClickAndWaitAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "我的申报", Exact = true }));

    /// <summary>我的申报 → 开始填报 in the named round; returns the new draft's id and number, read from its overview.</summary>
    public static async Task<(Guid Id, string Number)> StartApplicationAsync(IPage page, string campaignName)
    {
        await OpenMyApplicationsAsync(page);
        await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "开始填报 " + campaignName, Exact = true }));
        await Assertions.Expect(page).ToHaveURLAsync(OverviewUrl());
        var id = Guid.Parse(OverviewUrl().Match(page.Url).Groups[1].Value);
        var number = (await Overview(page, "申报编号").InnerTextAsync()).Trim();
        Assert.Matches(@"^[A-Z]+-\d{4}-\d{4}$", number);
        await Assertions.Expect(Overview(page, "申报批次")).ToHaveTextAsync(campaignName);
        await Assertions.Expect(Overview(page, "状态")).ToHaveTextAsync("草稿");
        return (id, number);
    }

    /// <summary>A value of the overview's summary list (申报编号, 状态 …).</summary>
    public static ILocator Overview(IPage page, string term) => page.Locator($"main dl dt:text-is('{term}') + dd");

    public static ILocator SectionList(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "申报表各部分" });

    /// <summary>Clicks a section in the section list (on the overview or on a section page).</summary>
    public static async Task OpenSectionAsync(IPage page, string sectionKey)
    {
        await ClickAndWaitAsync(page, SectionList(page).Locator($"a[href$='/Sections/{sectionKey}'], button[name=go][value='{sectionKey}']"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Sections/{sectionKey}$"));
    }

    /// <summary>
    /// Fills what the section page on screen has of <paramref name="answers"/> (all of them, or only
    /// <paramref name="onlyKeys"/>): types into inputs and text areas named after the answer key, chooses the radio
    /// whose value is the answer, ticks a "true" checkbox when the answer is "true". Returns the keys found on the page.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FillSectionAsync(IPage page, FormAnswers answers, IReadOnlyCollection<string>? onlyKeys = null)
    {
        var form = SectionForm(page);
        var names = (await form.Locator("input[name], textarea[name], select[name]").EvaluateAllAsync<string[]>("els => els.map(e => e.name)")).ToHashSet();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers.Values.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!names.Contains(key) || (onlyKeys is not null && !onlyKeys.Contains(key)))
            {
                continue;
            }
            var (radios, checkbox, text) = Controls(form, key);
            if (await radios.CountAsync() > 0)
            {
                var option = radios.And(form.Locator($"[value='{value}']"));
                Assert.True(await option.CountAsync() == 1, $"{page.Url}: {key} has no option '{value}'.");
                await option.CheckAsync();
            }
            else if (await checkbox.CountAsync() == 1)
            {
                await checkbox.SetCheckedAsync(value == "true");
            }
            else
            {
                Assert.True(await text.CountAsync() == 1, $"{page.Url}: {key} is neither a radio group, a checkbox nor one text input.");
                await text.FillAsync(value);
            }
            found.Add(key);
        }
        Assert.True(onlyKeys is null || onlyKeys.All(found.Contains),
            $"{page.Url} lacks {string.Join(", ", (onlyKeys ?? []).Where(k => !found.Contains(k)))}");
        return found;
    }

    /// <summary>Asserts that the section page on screen shows each of <paramref name="keys"/> as <paramref name="answers"/> has it.</summary>
    public static async Task AssertSectionShowsAsync(IPage page, FormAnswers answers, IEnumerable<string> keys)
    {
        var form = SectionForm(page);
        foreach (var key in keys)
        {
            var value = answers.Get(key) ?? throw new ArgumentException($"No answer {key}", nameof(keys));
            var (radios, checkbox, text) = Controls(form, key);
            if (await radios.CountAsync() > 0)
            {
                await Assertions.Expect(radios.And(form.Locator($"[value='{value}']"))).ToBeCheckedAsync();
                await Assertions.Expect(radios.And(form.Locator(":checked"))).ToHaveCountAsync(1);
            }
            else if (await checkbox.CountAsync() == 1)
            {
                await Assertions.Expect(checkbox).ToBeCheckedAsync(new() { Checked = value == "true" });
            }
            else
            {
                await Assertions.Expect(text).ToHaveValueAsync(value);
            }
        }
    }

    /// <summary>Clicks a submit button of the page (exact name, e.g. "保存" not "保存并继续") and fails on an error summary.</summary>
    public static async Task SaveAsync(IPage page, string buttonName, string context)
    {
        await ClickAndWaitAsync(page, page.Locator("main").GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }));
        await AssertNoErrorSummaryAsync(page, context);
    }

    public static async Task AssertNoErrorSummaryAsync(IPage page, string context)
    {
        var summary = page.Locator("#error-summary");
        if (await summary.CountAsync() > 0)
        {
            Assert.Fail($"{context}: the page shows errors:\n{await summary.InnerTextAsync()}");
        }
    }

    /// <summary>
    /// A full-page screenshot into <see cref="BrowserPortal.ScreenshotFolder"/> with the window as tall as the page,
    /// so that the sticky save bar sits below the form instead of covering a row of it.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var viewport = page.ViewportSize ?? throw new InvalidOperationException("The page has no fixed viewport.");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(viewport.Width, Math.Max(viewport.Height, height));
        try
        {
            await BrowserPortal.ScreenshotAsync(page, name);
        }
        finally
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }

    public static ILocator Notice(IPage page) => page.Locator("main > .alert-success[role=status]");

    /// <summary>Clicks something that loads a new page (a link, or a button that posts a form) and waits for that page.</summary>
    /// <remarks>Waits for the page's load event, which also comes when the new page has the same address (a form
    /// posted back with its errors), where waiting for an address would not notice anything.</remarks>
    public static async Task ClickAndWaitAsync(IPage page, ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage e) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static ILocator SectionForm(IPage page) => page.Locator("main form.section-form");

    private static (ILocator Radios, ILocator Checkbox, ILocator Text) Controls(ILocator form, string key) => (
        form.Locator($"input[type=radio][name='{key}']"),
        form.Locator($"input[type=checkbox][name='{key}'][value=true]"),
        form.Locator($"input[name='{key}']:not([type=radio], [type=checkbox], [type=hidden]), textarea[name='{key}']"));

    [GeneratedRegex(@"/Applications/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex OverviewUrl();
}
