using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Exports;
using SmeZones.TestSupport;
using SmeZones.Web.Tests.Infrastructure;

namespace SmeZones.Web.Tests.Print;

/// <summary>
/// The application PDF embeds its CJK fonts as TrueType CID subsets (small, selectable), not Type 3 outlines, in the
/// fonts the print CSS names (ADR 0075); the renderer's pool serves a burst and refuses a request it cannot take in
/// time with a Chinese message, never a 500.
/// </summary>
[Collection(PortalCollection.Name)]
public class PdfFontsAndPoolTests(PortalHost host)
{
    [Fact]
    public async Task The_application_pdf_embeds_its_named_truetype_fonts_as_cid_subsets_and_none_as_type_3()
    {
        var request = PrintRequests.Draft("zone-2026");
        var renderer = host.Services.GetRequiredService<IPdfRenderer>();

        var pdf = await renderer.RenderAsync(await host.HtmlAsync(request), ApplicationPrint.FooterText(request));

        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f =>
        {
            Assert.NotEqual("Type 3", f.Type);
            Assert.Equal("CID TrueType", f.Type);
            Assert.True(f.Embedded && f.Subset, $"{f.Name} is not an embedded subset");
        });
        // Body text in the 宋体-style font, headings and the footer in the 黑体-style one; no Noto CJK by fallback.
        Assert.Contains(fonts, f => f.Name.Contains("UMing", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Name.Contains("ZenHei", StringComparison.Ordinal));
        Assert.DoesNotContain(fonts, f => f.Name.Contains("Noto", StringComparison.Ordinal));
        Assert.True(pdf.Length <= 200 * 1024, $"the 7-page application is {pdf.Length / 1024} KiB");
    }

    [Fact]
    public async Task Sixteen_simultaneous_pdf_requests_all_succeed()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        // The default pool; a queue timeout that a busy test machine cannot exceed (the queue is what is tested).
        await using var patient = host.WithWebHostBuilder(b => b.UseSetting("Portal:PdfQueueTimeoutSeconds", "180"));
        using var client = new PortalClient(patient.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(chain.Applicant.UserName!);
        var url = new Uri($"/Applications/{application.Id}/Pdf", UriKind.Relative);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.Http.GetAsync(url)));

        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            foreach (var response in responses)
            {
                var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync());
                Assert.Contains("草稿", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_the_queue_timeout_gets_the_chinese_busy_message()
    {
        var chain = await host.TestData.CreateRoundChainAsync(Programme.Zone);
        var application = await host.TestData.CreateApplicationAsync(chain.ApplicantOrganisation, chain.Round);
        // One page and no waiting: while the first request starts Chromium and prints, the others find no page free.
        await using var busy = host.WithWebHostBuilder(b => b
            .UseSetting("Portal:PdfPoolSize", "1")
            .UseSetting("Portal:PdfQueueTimeoutSeconds", "0"));
        using var client = new PortalClient(busy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(chain.Applicant.UserName!);
        var url = new Uri($"/Applications/{application.Id}/Pdf", UriKind.Relative);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Http.GetAsync(url)));

        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.NotEmpty(refused);
            foreach (var response in refused)
            {
                var page = await PortalClient.ParseAsync(response);
                Assert.Contains("PDF 生成繁忙，请稍后再试", page.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
            }
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }
}
