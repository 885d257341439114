using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Web.Tests.Infrastructure;
using SmeZones.Web.Tests.Review;

namespace SmeZones.Web.Tests.Applications;

/// <summary>Hostile input on the applicant's pages: refused or normalised with the field's message, the rest kept, never a 500.</summary>
[Collection(PortalCollection.Name)]
public class HostileInputTests(PortalHost host)
{
    private const string Foshan = "佛山市工业和信息化局";
    private const string Zone = "2026年度中外中小企业合作区";

    [Fact]
    public async Task A_nul_byte_in_a_section_post_is_stripped_and_the_section_saved()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var response = await client.SubmitAsync(Url(application.Id, "basic"), new Dictionary<string, string>
        {
            ["basic.zoneName"] = "佛山\0中德\u0007合作区",
            ["basic.majorIncident"] = "no",
        }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answers = await AnswersAsync(application.Id);
        Assert.Equal("佛山中德合作区", answers["basic.zoneName"]);
        Assert.Equal("no", answers["basic.majorIncident"]);
    }

    [Fact]
    public async Task A_nul_byte_in_a_multipart_post_and_in_the_autosave_is_stripped()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();
        var page = await client.GetDocumentAsync(Url(application.Id, "basic"));
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(Hidden(page, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(Hidden(page, "Version")), "Version" },
            { new StringContent("多部分\0名称"), "basic.zoneName" },
        };

        using var saved = await client.Http.PostAsync(new Uri(Url(application.Id, "basic"), UriKind.Relative), multipart);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("多部分名称", (await AnswersAsync(application.Id))["basic.zoneName"]);

        page = await client.GetDocumentAsync(Url(application.Id, "basic"));
        using var autosave = await AutosaveAsync(client, application.Id, page, new() { ["basic.zoneName"] = "自动\0保存" });
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.True(JsonDocument.Parse(await autosave.Content.ReadAsStringAsync()).RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal("自动保存", (await AnswersAsync(application.Id))["basic.zoneName"]);
    }

    [Fact]
    public async Task A_nul_escape_in_an_imported_file_is_stripped()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var response = await ImportAsync(client, application.Id,
            """{"format":"smezones-answers/1","edition":"zone-2026","roundYear":2026,"answers":{"basic.zoneName":"导入\u0000名称"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("导入名称", (await AnswersAsync(application.Id))["basic.zoneName"]);
    }

    [Fact]
    public async Task A_one_megabyte_name_is_refused_beside_the_field_in_saves_autosaves_and_imports_and_the_rest_is_kept()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();
        // About 1 MB of UTF-8, as the probe posted; under the import's 2 MB file limit.
        var huge = new string('名', 1024 * 1024 / 3);

        using var response = await client.SubmitAsync(Url(application.Id, "basic"), new Dictionary<string, string>
        {
            ["basic.zoneName"] = huge,
            ["basic.majorIncident"] = "no",
        }, "form.section-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("合作区名称不能超过200字", Error(page, "basic.zoneName"), StringComparison.Ordinal);
        Assert.Equal(huge, page.GetElementById(Id("basic.zoneName"))!.GetAttribute("value"));
        var answers = await AnswersAsync(application.Id);
        Assert.False(answers.ContainsKey("basic.zoneName"));
        Assert.Equal("no", answers["basic.majorIncident"]);

        page = await client.GetDocumentAsync(Url(application.Id, "basic"));
        using var autosave = await AutosaveAsync(client, application.Id, page, new() { ["basic.zoneName"] = huge });
        var errors = JsonDocument.Parse(await autosave.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("key").GetString() == "basic.zoneName"
            && e.GetProperty("message").GetString()!.Contains("不能超过200字", StringComparison.Ordinal));

        using var import = await ImportAsync(client, application.Id,
            JsonSerializer.Serialize(new { format = "smezones-answers/1", edition = "zone-2026", roundYear = 2026, answers = new Dictionary<string, string> { ["basic.zoneName"] = huge } }, Unescaped));
        Assert.Contains("不能超过200字", (await PortalClient.ParseAsync(import)).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.False((await AnswersAsync(application.Id)).ContainsKey("basic.zoneName"));
    }

    [Theory]
    [InlineData("revenue.total.y3", "合作区营业总收入（2025年）不能大于100000")]
    [InlineData("openness.foreignFirms.y1", "不能大于1000000")]
    public async Task A_number_beyond_the_maximum_of_its_unit_is_refused_with_the_fields_message(string key, string expected)
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();
        var section = key.StartsWith("openness", StringComparison.Ordinal) ? "openness" : "basic";

        using var response = await client.SubmitAsync(Url(application.Id, section), new Dictionary<string, string>
        {
            [key] = "99999999999999999999",
        }, "form.section-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, Error(await PortalClient.ParseAsync(response), key), StringComparison.Ordinal);
        Assert.False((await AnswersAsync(application.Id)).ContainsKey(key));
    }

    [Fact]
    public async Task Full_width_digits_signs_and_points_are_stored_and_shown_as_ascii()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var response = await client.SubmitAsync(Url(application.Id, "basic"), new Dictionary<string, string>
        {
            ["revenue.total.y3"] = "１２３．４５",
            ["revenue.smeShare.y3"] = "８０",
        }, "form.section-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answers = await AnswersAsync(application.Id);
        Assert.Equal("123.45", answers["revenue.total.y3"]);
        Assert.Equal("80", answers["revenue.smeShare.y3"]);
        var page = await client.GetDocumentAsync(Url(application.Id, "basic"));
        Assert.Equal("123.45", page.GetElementById(Id("revenue.total.y3"))!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_import_that_loses_the_race_with_an_autosave_gets_the_conflict_message_and_imports_nothing()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();
        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Import");

        // The "autosave" holds the draft's row while the import reads it, then commits: the import's write is then stale.
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var autosave = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""UPDATE "Applications" SET "UpdatedAt" = now() WHERE "Id" = @id""", connection, autosave))
        {
            update.Parameters.AddWithValue("id", application.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var import = ImportAsync(client, application.Id,
            """{"format":"smezones-answers/1","edition":"zone-2026","roundYear":2026,"answers":{"basic.zoneName":"导入的名称","basic.majorIncident":"no"}}""", page);
        await WaitForBlockedWriteAsync();
        await autosave.CommitAsync();
        using var response = await import;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PortalClient.ParseAsync(response);
        Assert.Contains("其他人已保存了本申报", Error(result, "file"), StringComparison.Ordinal);
        Assert.Empty(await AnswersAsync(application.Id));
    }

    [Fact]
    public async Task Imports_racing_autosaves_of_the_same_draft_never_fail_and_never_half_import()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var importer = await SignedInAsync();
        using var editor = await SignedInAsync();
        var file = JsonSerializer.Serialize(new
        {
            format = "smezones-answers/1", edition = "zone-2026", roundYear = 2026,
            answers = new Dictionary<string, string> { ["basic.zoneName"] = "导入的名称", ["basic.majorIncident"] = "no", ["revenue.total.y3"] = "12.5" },
        });
        var importPage = await importer.GetDocumentAsync($"/Applications/{application.Id}/Import");

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 5; round++)
        {
            var editorPage = await editor.GetDocumentAsync(Url(application.Id, "basic"));
            var tasks = new[]
            {
                ImportAsync(importer, application.Id, file, importPage),
                AutosaveAsync(editor, application.Id, editorPage, new() { ["basic.zoneName"] = $"自动保存{round}" }),
                ImportAsync(importer, application.Id, file, importPage),
            };
            foreach (var response in await Task.WhenAll(tasks))
            {
                statuses.Add(response.StatusCode);
                response.Dispose();
            }
            var answers = await AnswersAsync(application.Id);
            // Whole file or none of it: the three imported answers appear together.
            Assert.Equal(answers.ContainsKey("revenue.total.y3"), answers.ContainsKey("basic.majorIncident"));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Saving_the_summary_with_the_intro_empty_or_missing_shows_the_fields_message(string? intro)
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();
        var fields = new Dictionary<string, string> { ["Form.Partners"] = "德国" };
        if (intro is not null)
        {
            fields["Form.Intro"] = intro;
        }
        var page = await client.GetDocumentAsync($"/Applications/{application.Id}/Summary");
        fields["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken");

        using var response = await client.Http.PostAsync(new Uri($"/Applications/{application.Id}/Summary", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PortalClient.ParseAsync(response);
        Assert.Contains("请填写简介", Error(result, "Form.Intro"), StringComparison.Ordinal);
        Assert.Equal("德国", result.GetElementById(Id("Form.Partners"))!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_nul_byte_in_the_summary_is_stripped_and_saved()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var client = await SignedInAsync();

        using var response = await client.SubmitAsync($"/Applications/{application.Id}/Summary",
            new Dictionary<string, string> { ["Form.Intro"] = "简介\0内容", ["Form.Partners"] = "德\0国" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        var saved = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
        Assert.Equal("简介内容", saved.SummaryIntro);
        Assert.Equal("德国", saved.SummaryPartners);
    }

    [Fact]
    public async Task A_nul_byte_in_a_site_check_is_stripped_and_the_check_recorded()
    {
        var application = await host.SubmittedZoneAsync();
        using var client = await host.SignedInAsync("reviewer.guangdong");
        var fields = Review.WorkspaceApplicationTests.SiteCheckFields(host);
        fields["Findings"] = "现场\0核查属实";

        using var response = await client.PostSiteCheckAsync(application.Id, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Equal("现场核查属实", (await db.SiteChecks.SingleAsync(c => c.ApplicationId == application.Id)).Findings);
    }

    private async Task WaitForBlockedWriteAsync()
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", connection);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The import never reached its write.");
    }

    private async Task<Dictionary<string, string>> AnswersAsync(Guid id)
    {
        await using var db = host.NewDbContext();
        return (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).Answers;
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = host.NewClient();
        await client.SignInAsync("applicant.foshan");
        return client;
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Url(Guid id, string section) => $"/Applications/{id}/Sections/{section}";

    private static string Id(string key) => Web.Infrastructure.FieldIds.For(key);

    private static string Error(IDocument page, string key) =>
        page.GetElementById(Id(key) + "-error")?.TextContent ?? throw new InvalidOperationException($"No message beside {key}: {page.QuerySelector("main")?.TextContent}");

    private static string Hidden(IDocument page, string name) =>
        page.QuerySelector($"main form input[name={name}]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> AutosaveAsync(PortalClient client, Guid id, IDocument page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("form.section-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Version"] = page.QuerySelector("form.section-form input[name=Version]")!.GetAttribute("value")!;
        return client.Http.PostAsync(new Uri($"{Url(id, "basic")}?handler=Autosave", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> ImportAsync(PortalClient client, Guid id, string json, IDocument? page = null)
    {
        page ??= await client.GetDocumentAsync($"/Applications/{id}/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Hidden(page, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "file", "answers.json" },
        };
        return await client.Http.PostAsync(new Uri($"/Applications/{id}/Import", UriKind.Relative), form);
    }
}
