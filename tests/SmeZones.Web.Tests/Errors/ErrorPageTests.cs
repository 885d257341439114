using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmeZones.Core.Exports;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Errors;

[Collection(PortalCollection.Name)]
public class ErrorPageTests(PortalHost host)
{
    private const string Foshan = "佛山市工业和信息化局";
    private const string Zone = "2026年度中外中小企业合作区";

    [Theory]
    [InlineData(null, "/nonexistent")]
    [InlineData(null, "/Applications/not-a-guid")]
    [InlineData(null, "/Applications/not-a-guid/Sections/basic")]
    [InlineData("applicant.foshan", "/nonexistent")]
    [InlineData("applicant.foshan", "/Applications/not-a-guid")]
    [InlineData("applicant.foshan", "/Applications/00000000-0000-0000-0000-000000000001")]
    [InlineData("reviewer.guangdong", "/Review/no-such-page")]
    public async Task Unknown_urls_and_malformed_ids_answer_a_chinese_404_page(string? user, string url)
    {
        using var client = host.NewClient();
        if (user is not null)
        {
            await client.SignInAsync(user);
        }

        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".request-id"));
    }

    [Fact]
    public async Task Favicon_and_robots_txt_are_served_and_robots_disallow_crawling_outside_public_pages()
    {
        using var client = host.NewClient();

        using var favicon = await client.Http.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        var robots = await client.Http.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await favicon.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Contains("Disallow: /\n", robots, StringComparison.Ordinal);
        Assert.Contains("Allow: /Public/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_page_answers_403()
    {
        using var client = host.NewClient();
        await client.SignInAsync("applicant.foshan");

        using var admin = await client.Http.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        using var denied = await client.Http.GetAsync(admin.Headers.Location!);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", (await PortalClient.ParseAsync(denied)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_unexpected_failure_shows_a_friendly_page_with_a_request_id_and_never_the_exception(string environment)
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var failing = host.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            // Production refuses unencrypted sign-in keys unless told (ADR 0007); this test is about the error page.
            b.UseSetting("Portal:AllowUnencryptedKeys", "true");
            b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPdfRenderer>(new FailingRenderer(new InvalidOperationException("secret stack detail")))));
        });
        using var client = new PortalClient(failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync("applicant.foshan");

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}/Pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret stack detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("出错了", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".request-id")?.TextContent));
    }

    [Fact]
    public async Task A_pdf_that_cannot_be_rendered_in_time_answers_503_with_a_chinese_message()
    {
        var application = await host.ApplicationAsync(Foshan, Zone);
        using var slow = host.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Replace(ServiceDescriptor.Singleton<IPdfRenderer>(new FailingRenderer(new PdfRenderException("Rendering the PDF took longer than 20 s."))))));
        using var client = new PortalClient(slow.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync("applicant.foshan");

        using var response = await client.Http.GetAsync(new Uri($"/Applications/{application.Id}/Pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("PDF 文件暂时无法生成", (await PortalClient.ParseAsync(response)).QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(20), host.Services.GetRequiredService<PdfRendererOptions>().Timeout);
    }

    [Fact]
    public async Task While_the_database_is_unreachable_pages_answer_503_with_the_database_message()
    {
        // Nothing listens on port 1: every connection is refused, as when PostgreSQL is down.
        using var down = host.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=3"));
        using var client = new PortalClient(down.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        using var response = await client.Http.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("系统暂时无法连接数据库，请稍后再试", (await PortalClient.ParseAsync(response)).QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A renderer that fails the way the configured fault says: the error page's input, not a stand-in for Chromium.</summary>
    private sealed class FailingRenderer(Exception failure) : IPdfRenderer
    {
        public Task<byte[]> RenderAsync(string html, string footerText, Uri? baseUrl = null, CancellationToken cancellationToken = default) =>
            Task.FromException<byte[]>(failure);
    }
}
