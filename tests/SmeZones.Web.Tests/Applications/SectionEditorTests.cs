using System.Net;
using AngleSharp.Dom;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.TestSupport.Forms;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Applications;

[Collection(PortalCollection.Name)]
public class SectionEditorTests(PortalHost host)
{
    private const string Foshan = "佛山市工业和信息化局";
    private const string Zone = "2026年度中外中小企业合作区";

    public static TheoryData<string, string, string, string[]> Editions => new()
    {
        { "applicant.foshan", Foshan, Zone, OfficialLabels.Zone2026 },
        { "applicant.nanhai", "佛山市南海区经济促进局", "2024年度中小企业特色产业集群", OfficialLabels.Cluster2024 },
        { "applicant.changjishi", "昌吉市工业和信息化局", "2026年新疆", OfficialLabels.ClusterReviewXj },
    };

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Every_official_label_of_the_form_is_on_its_pages(string user, string organisation, string campaign, string[] labels)
    {
        var application = await host.ApplicationAsync(organisation, campaign);
        using var client = host.NewClient();
        await client.SignInAsync(user);
        var definition = FormEditionCatalogue.Default.Get(application.FormEditionKey);

        var text = new List<string>();
        foreach (var (key, _) in SectionProgressReport.Headings(definition))
        {
            var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/{key}");
            text.Add(FormText.NormaliseForComparison(page.QuerySelector("main")!.TextContent));
        }
        var all = string.Concat(text);

        // The 推荐汇总表 (附件2) is the province's table, not part of the applicant's form.
        var formLabels = labels.TakeWhile(l => FormText.NormaliseForComparison(l) != FormText.NormaliseForComparison("附件 2"));
        var missing = formLabels.Where(l => !all.Contains(FormText.NormaliseForComparison(l), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not on the pages: " + string.Join(" | ", missing));
    }

    [Fact]
    public async Task Year_columns_show_the_years_printed_on_the_official_form()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic");

        var rows = page.GetElementById(FieldIds("revenue.total.y1"))!.Closest("table")!.QuerySelectorAll("tbody th[scope=row]");
        Assert.Equal(["2023年", "2024年", "2025年"], rows.Select(r => r.TextContent.Trim()));
        Assert.Equal("合作区营业总收入（2025年）", Label(page, "revenue.total.y3"));
    }

    [Fact]
    public async Task A_draft_is_saved_and_shown_again_as_saved()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic", new Dictionary<string, string>
        {
            ["basic.zoneName"] = "佛山中德中小企业合作区",
            ["revenue.total.y3"] = "１２３４.５６",
            ["basic.majorIncident"] = "no",
        }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Sections/basic");
        Assert.Equal("佛山中德中小企业合作区", Input(page, "basic.zoneName").GetAttribute("value"));
        Assert.Equal("1234.56", Input(page, "revenue.total.y3").GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='basic.majorIncident'][value=no][checked]"));
        await using var db = host.NewDbContext();
        var saved = await db.Applications.FindAsync(application.Id);
        Assert.Equal("佛山中德中小企业合作区", saved!.Title);
        Assert.Contains(db.AuditEvents, e => e.EntityId == application.Id.ToString() && e.Action == "AnswersSaved");
    }

    [Theory]
    [InlineData("revenue.total.y3", "12.345", "最多保留两位小数")]
    [InlineData("revenue.total.y3", "12亿", "只能填写数字")]
    [InlineData("openness.foreignFirms.y1", "-1", "不能为负数")]
    public async Task Bad_input_gets_a_message_beside_the_field_and_keeps_what_was_typed(string key, string value, string expected)
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        var section = key.StartsWith("openness", StringComparison.Ordinal) ? "openness" : "basic";
        using var client = await SignedInAsync();

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Sections/{section}", new Dictionary<string, string>
        {
            [key] = value,
            [section == "basic" ? "basic.zoneName" : "openness.mechanism"] = "保留的内容",
        }, "form.section-form");

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = page.GetElementById(FieldIds(key) + "-error");
        Assert.NotNull(error);
        Assert.Contains(expected, error.TextContent, StringComparison.Ordinal);
        Assert.Equal(value, Input(page, key).GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{FieldIds(key)}']"));
        await using var db = host.NewDbContext();
        var saved = await db.Applications.FindAsync(application.Id);
        Assert.False(saved!.Answers.ContainsKey(key));
        Assert.Equal("保留的内容", saved.Answers[section == "basic" ? "basic.zoneName" : "openness.mechanism"]);
    }

    [Fact]
    public async Task Text_over_its_character_limit_is_refused_at_301_and_taken_at_300()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var refused = await client.SubmitAsync($"/Applications/{application.Id}/Sections/quality",
            new Dictionary<string, string> { ["quality.measures"] = new string('培', 301) }, "form.section-form");
        using var taken = await client.SubmitAsync($"/Applications/{application.Id}/Sections/quality",
            new Dictionary<string, string> { ["quality.measures"] = new string('培', 300) }, "form.section-form");

        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("301", page.GetElementById(FieldIds("quality.measures") + "-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
    }

    [Fact]
    public async Task The_second_of_two_saves_from_the_same_version_is_refused_and_keeps_its_input()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var first = await SignedInAsync();
        using var second = await SignedInAsync();
        var url = $"/Applications/{application.Id}/Sections/basic";
        var firstPage = await first.GetDocumentAsync(url);
        var secondPage = await second.GetDocumentAsync(url);

        using var saved = await Post(first, url, firstPage, new() { ["basic.zoneName"] = "第一人填写的名称" });
        using var refused = await Post(second, url, secondPage, new() { ["basic.zoneName"] = "第二人填写的名称" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains("其他人已保存", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("第二人填写的名称", Input(page, "basic.zoneName").GetAttribute("value"));
        Assert.Contains("第一人填写的名称", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal("第一人填写的名称", (await db.Applications.FindAsync(application.Id))!.Answers["basic.zoneName"]);
    }

    [Fact]
    public async Task Save_and_continue_goes_to_the_next_section()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var fromCover = await client.SubmitAsync($"/Applications/{application.Id}/Sections/cover",
            new Dictionary<string, string> { ["cover.zoneName"] = "封面名称", ["next"] = "continue" }, "form.section-form");
        using var fromLast = await client.SubmitAsync($"/Applications/{application.Id}/Sections/declaration",
            new Dictionary<string, string> { ["next"] = "continue" }, "form.section-form");

        Assert.Equal($"/Applications/{application.Id}/Sections/basic", fromCover.Headers.Location?.OriginalString);
        Assert.Equal($"/Applications/{application.Id}/Sections/declaration", fromLast.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Keys_of_other_sections_in_a_post_are_ignored()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var _ = await client.SubmitAsync($"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["plan.text"] = "偷偷写入", ["Status"] = "3", ["recommendation"] = "伪造推荐意见" }, "form.section-form");

        await using var db = host.NewDbContext();
        var saved = await db.Applications.FindAsync(application.Id);
        Assert.Empty(saved!.Answers);
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
    }

    [Fact]
    public async Task Another_organisation_cannot_open_or_save_a_section()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = host.NewClient();
        await client.SignInAsync("applicant.chengdu");

        using var get = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}/Sections/basic", UriKind.Relative));
        // A post with a valid token of the other user's own session, as a crafted form would send.
        using var post = await client.PostWithTokenAsync("/Applications", $"/Applications/{application.Id}/Sections/basic",
            new Dictionary<string, string> { ["basic.zoneName"] = "他人写入", ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = host.NewDbContext();
        Assert.False((await db.Applications.FindAsync(application.Id))!.Answers.ContainsKey("basic.zoneName"));
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = host.NewClient();
        await client.SignInAsync("applicant.foshan");
        return client;
    }

    private static Task<HttpResponseMessage> Post(PortalClient client, string url, IDocument page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("form.section-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Version"] = page.QuerySelector("form.section-form input[name=Version]")!.GetAttribute("value")!;
        return client.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static string FieldIds(string key) => Web.Infrastructure.FieldIds.For(key);

    private static IElement Input(IDocument page, string key) => page.GetElementById(FieldIds(key)) ?? throw new InvalidOperationException($"No input {key}");

    private static string Label(IDocument page, string key) => page.QuerySelector($"label[for='{FieldIds(key)}']")!.TextContent.Trim();
}
