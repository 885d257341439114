using SmeZones.TestSupport;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmeZones.Core.Exports;
using Xunit.Abstractions;

namespace SmeZones.Core.Tests.Exports;

public sealed class ChromiumPdfRendererTests(PdfRendererFixture fixture, ITestOutputHelper output)
    : IClassFixture<PdfRendererFixture>
{
    private const string Footer = "HZQ-2026-0001 · 0123456789abcdef";

    private static string Document(string body, string pageRule = "size: A4 landscape; margin: 15mm 15mm 20mm 15mm;") => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <style>
          @page { {{pageRule}} }
          body { font-family: "Noto Serif CJK SC", serif; font-size: 12pt; }
          h1 { font-family: "Noto Sans CJK SC", sans-serif; background: #eef; }
        </style>
        </head>
        <body>{{body}}</body>
        </html>
        """;

    private ChromiumPdfRenderer Renderer => fixture.Renderer;

    [Fact]
    public async Task Chinese_body_footer_and_page_numbers_are_text_on_an_A4_landscape_page()
    {
        var html = Document("<h1>中小企业特色产业集群申报书</h1><p>申报单位：杭州市余杭区经济和信息化局</p>");

        var pdf = await Renderer.RenderAsync(html, Footer);

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("中小企业特色产业集群申报书", text);
        Assert.Contains("杭州市余杭区经济和信息化局", text);
        Assert.Contains(Footer, text);
        Assert.Contains("第 1 页", text);
        Assert.Contains("共 1 页", text);
        var (width, height, pages) = await PdfTools.InfoAsync(pdf);
        Assert.Equal(841.89, width, 0.5);
        Assert.Equal(595.28, height, 0.5);
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task A_document_without_a_page_rule_is_A4_portrait()
    {
        var pdf = await Renderer.RenderAsync(Document("<p>草稿内容</p>", pageRule: string.Empty), "草稿");

        // Chromium rounds the paper it is given (595.92 x 841.92 pt); pdfinfo still calls that A4.
        var (width, height, _) = await PdfTools.InfoAsync(pdf);
        Assert.Equal(595.28, width, 1.0);
        Assert.Equal(841.89, height, 1.0);
        // Compacted: how pdftotext spaces the footer depends on the font's glyph widths (ADR 0011, ADR 0075).
        var text = PdfTools.Compact(await PdfTools.TextAsync(pdf));
        Assert.Contains("草稿", text);
        Assert.Contains("第1页/共1页", text);
    }

    [Fact]
    public async Task Every_page_carries_its_number_and_the_total()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 120).Select(i => $"<p>第{i}段：集群主导产业发展情况。</p>"));

        var pdf = await Renderer.RenderAsync(Document(paragraphs), Footer);

        var (_, _, pages) = await PdfTools.InfoAsync(pdf);
        Assert.True(pages > 1, $"expected several pages, got {pages}");
        var text = PdfTools.Compact(await PdfTools.TextAsync(pdf));
        for (var n = 1; n <= pages; n++)
        {
            Assert.Contains($"第{n}页/共{pages}页", text);
        }
    }

    [Fact]
    public async Task Footer_text_is_escaped_not_interpreted_as_markup()
    {
        var pdf = await Renderer.RenderAsync(Document("<p>正文</p>"), "<b>甲</b> & 乙");

        Assert.Contains("<b>甲</b> & 乙", await PdfTools.TextAsync(pdf));
    }

    [Fact]
    public async Task A_document_pointing_at_the_network_still_renders_because_requests_are_blocked()
    {
        var html = Document("""
            <p>外部图片</p>
            <img src="http://127.0.0.1:9/x.png" alt="">
            <img src="http://10.255.255.1/slow.png" alt="">
            <div style="background:url(https://example.invalid/bg.png)">背景</div>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
            """);
        var clock = Stopwatch.StartNew();

        var pdf = await Renderer.RenderAsync(html, Footer);

        // 10.255.255.1 does not answer: had the request been made, loading would wait for a connect timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("外部图片", await PdfTools.TextAsync(pdf));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_request_of_any_kind_reaches_the_network(bool withBaseUrl)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var html = Document($$"""
            <link rel="stylesheet" href="{{origin}}/style.css">
            <link rel="prefetch" href="{{origin}}/prefetch">
            <style>@import url("{{origin}}/import.css"); @font-face { font-family: x; src: url("{{origin}}/font.woff2"); }
            p { font-family: x; background-image: url("{{origin}}/bg.png"); }</style>
            <meta http-equiv="refresh" content="0; url={{origin}}/refresh">
            <p>拦截测试</p>
            <img src="{{origin}}/img.png" srcset="{{origin}}/img2.png 2x" alt="">
            <iframe src="{{origin}}/frame"></iframe>
            <object data="{{origin}}/object"></object>
            <video poster="{{origin}}/poster.png" src="{{origin}}/video.mp4"></video>
            <script src="{{origin}}/script.js"></script>
            <script>fetch("{{origin}}/fetch"); new WebSocket("ws://127.0.0.1:{{((IPEndPoint)listener.LocalEndpoint).Port}}/ws");</script>
            """);

        var pdf = await Renderer.RenderAsync(html, Footer, withBaseUrl ? new Uri($"{origin}/print/1") : null);

        Assert.Contains("拦截测试", await PdfTools.TextAsync(pdf));
        await Task.Delay(300); // anything fired late would have connected by now
        Assert.False(listener.Pending(), "the page opened a connection");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0; url=http://127.0.0.1:9/elsewhere")]
    [InlineData("0; url=data:text/html,abc")]
    public async Task A_meta_refresh_leaves_the_document_in_place(string content)
    {
        var html = Document($"""<meta http-equiv="refresh" content="{content}"><p>刷新测试</p>""");

        var pdf = await Renderer.RenderAsync(html, Footer);

        Assert.Contains("刷新测试", await PdfTools.TextAsync(pdf));
    }

    [Fact]
    public async Task A_refresh_to_about_blank_fails_rather_than_printing_an_empty_page()
    {
        var html = Document("""<meta http-equiv="refresh" content="0; url=about:blank"><p>正文</p>""");

        await Assert.ThrowsAsync<PdfRenderException>(() => Renderer.RenderAsync(html, Footer));
    }

    [Fact]
    public async Task A_base_url_serves_the_document_without_fetching_it()
    {
        var html = Document("""<p>基础地址</p><img src="logo.png" alt=""><a href="/applications/1">链接</a>""");

        var pdf = await Renderer.RenderAsync(html, Footer, new Uri("http://10.255.255.1/print/1"));

        Assert.Contains("基础地址", await PdfTools.TextAsync(pdf));
    }

    [Fact]
    public async Task Two_documents_rendered_concurrently_both_succeed()
    {
        var first = Renderer.RenderAsync(Document("<p>第一份文件</p>"), "HZQ-2026-0001 · 1111111111111111");
        var second = Renderer.RenderAsync(Document("<p>第二份文件</p>"), "HZQ-2026-0002 · 2222222222222222");

        var pdfs = await Task.WhenAll(first, second);

        var firstText = await PdfTools.TextAsync(pdfs[0]);
        var secondText = await PdfTools.TextAsync(pdfs[1]);
        Assert.Contains("第一份文件", firstText);
        Assert.Contains("HZQ-2026-0001", firstText);
        Assert.Contains("第二份文件", secondText);
        Assert.Contains("HZQ-2026-0002", secondText);
    }

    [Fact]
    public async Task Missing_chromium_gives_a_message_saying_how_to_install_it()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { ChromiumPath = "/nonexistent/chromium" });

        var ex = await Assert.ThrowsAsync<PdfRenderException>(() => renderer.RenderAsync(Document("<p>x</p>"), "草稿"));

        Assert.Contains("Chromium not found at /nonexistent/chromium", ex.Message);
        Assert.Contains("make test", ex.Message);
    }

    [Fact]
    public async Task A_document_slower_than_the_timeout_fails_with_a_clear_message()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        var paragraphs = string.Concat(Enumerable.Range(1, 400).Select(i => $"<p>第{i}段：集群主导产业发展情况。</p>"));

        var ex = await Assert.ThrowsAsync<PdfRenderException>(() => renderer.RenderAsync(Document(paragraphs), Footer));

        Assert.Contains("took longer than", ex.Message);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Renderer.RenderAsync(Document("<p>取消</p>"), Footer, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Cold_and_warm_render_times_are_reported()
    {
        await using var renderer = new ChromiumPdfRenderer();
        var html = Document("<h1>计时</h1><p>冷启动与热启动</p>");

        var clock = Stopwatch.StartNew();
        await renderer.RenderAsync(html, Footer);
        var cold = clock.Elapsed;
        clock.Restart();
        await renderer.RenderAsync(html, Footer);
        var warm = clock.Elapsed;

        output.WriteLine($"cold {cold.TotalMilliseconds:0} ms, warm {warm.TotalMilliseconds:0} ms");
        Assert.True(warm < cold, $"warm {warm} should beat cold {cold}");
    }

    [Fact]
    public async Task Sixteen_documents_requested_at_once_all_print_each_its_own_text()
    {
        // The default pool (2 pages per core) with a queue timeout that a busy test machine cannot exceed.
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { QueueTimeout = TimeSpan.FromMinutes(3) });
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            renderer.RenderAsync(Document($"<p>同时打印的第{i}份</p>"), $"HZQ-2026-{i:0000} · {i:x16}")));

        for (var i = 1; i <= 16; i++)
        {
            var text = PdfTools.Compact(await PdfTools.TextAsync(pdfs[i - 1]));
            Assert.Contains($"同时打印的第{i}份", text);
            Assert.Contains($"HZQ-2026-{i:0000}", text);
            Assert.Single(Enumerable.Range(1, 16), j => text.Contains($"同时打印的第{j}份", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_reused_page_prints_only_the_document_it_was_given()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { PoolSize = 1 });
        // The first leaves a refresh pending and a failed one leaves its page elsewhere: neither may reach the next.
        await renderer.RenderAsync(Document("""<meta http-equiv="refresh" content="1; url=http://127.0.0.1:9/x"><p>甲方文件</p>"""), "甲");
        await Assert.ThrowsAsync<PdfRenderException>(() =>
            renderer.RenderAsync(Document("""<meta http-equiv="refresh" content="0; url=about:blank"><p>失败文件</p>"""), "丙"));

        var second = await PdfTools.TextAsync(await renderer.RenderAsync(Document("<p>乙方文件</p>"), "乙"));

        Assert.Contains("乙方文件", second);
        Assert.DoesNotContain("甲方文件", second);
        Assert.DoesNotContain("失败文件", second);
        Assert.Equal(1, renderer.BrowsersStarted);
    }

    [Fact]
    public async Task After_the_recycle_limit_a_new_browser_takes_over_and_no_document_in_flight_is_cut_off()
    {
        // A long queue timeout: this is about recycling, and four browser starts take a while on a busy machine.
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { PoolSize = 3, RecycleAfter = 4, QueueTimeout = TimeSpan.FromMinutes(3) });
        var paragraphs = string.Concat(Enumerable.Range(1, 60).Select(i => $"<p>第{i}段：集群主导产业发展情况。</p>"));

        // 14 documents, 3 at a time: browsers are retired while documents of theirs are still printing.
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 14).Select(i =>
            renderer.RenderAsync(Document($"<h1>第{i}份</h1>{paragraphs}"), $"HZQ-2026-{i:0000}")));

        for (var i = 1; i <= 14; i++)
        {
            var text = PdfTools.Compact(await PdfTools.TextAsync(pdfs[i - 1]));
            Assert.Contains($"第{i}份", text);
            Assert.Contains("第60段", text);
            Assert.Contains($"HZQ-2026-{i:0000}", text);
        }

        Assert.Equal(4, renderer.BrowsersStarted); // ceil(14 / 4)
        Assert.Equal(1, renderer.BrowsersOpen);    // the retired ones were closed once their last document was done
        var pdf = await renderer.RenderAsync(Document("<p>回收之后</p>"), Footer);
        Assert.Contains("回收之后", await PdfTools.TextAsync(pdf));
    }

    [Fact]
    public async Task A_request_that_finds_no_free_page_within_the_queue_timeout_is_refused_as_busy()
    {
        await using var renderer = new ChromiumPdfRenderer(new PdfRendererOptions { PoolSize = 1, QueueTimeout = TimeSpan.FromMilliseconds(100) });

        // The first holds the only page while Chromium starts (seconds), far longer than the others may wait.
        var first = renderer.RenderAsync(Document("<p>第一份</p>"), Footer);
        var others = Enumerable.Range(0, 3).Select(_ => renderer.RenderAsync(Document("<p>排队</p>"), Footer)).ToList();

        Assert.Contains("第一份", await PdfTools.TextAsync(await first));
        foreach (var other in others)
        {
            var ex = await Assert.ThrowsAsync<PdfRenderException>(() => other);
            Assert.True(ex.Busy);
            Assert.Contains("busy", ex.Message, StringComparison.Ordinal);
        }
        Assert.Contains("排队", await PdfTools.TextAsync(await renderer.RenderAsync(Document("<p>排队</p>"), Footer)));
    }
}
