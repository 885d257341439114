using Microsoft.Playwright;

namespace SmeZones.Core.Exports;

/// <summary>
/// Prints HTML to PDF with one warm headless Chromium (Debian's package, driven by Playwright), started on
/// first use and shared by all calls; each document gets its own browser context, closed afterwards.
/// Register it as a singleton and let the host dispose it.
/// </summary>
public sealed class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    // No sandbox: the server runs as root in a container, where Chromium's sandbox cannot start.
    // The next ones stop Chromium phoning home (updates, sync, QUIC probes) from a server.
    // The resolver rule makes every host name and IP unresolvable: routing alone is not enough, because
    // Chromium opens a TCP connection ahead of a navigation (a meta refresh, an iframe, the base URL itself)
    // before the route handler has answered it. Routed responses need no resolving, so documents still load.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly PdfRendererOptions _options;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _slots;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public ChromiumPdfRenderer(PdfRendererOptions? options = null)
    {
        _options = options ?? new PdfRendererOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrency, 1, nameof(options));
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    public async Task<byte[]> RenderAsync(
        string html, string footerText, Uri? baseUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(footerText);
        if (baseUrl is not null && !(baseUrl.IsAbsoluteUri && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException("The base URL must be an absolute http or https address.", nameof(baseUrl));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var browser = await GetBrowserAsync(cancellationToken);
            return await PrintAsync(browser, html, footerText, baseUrl, cancellationToken);
        }
        catch (PlaywrightException ex)
        {
            throw new PdfRenderException($"Chromium failed to render the PDF: {ex.Message}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> PrintAsync(
        IBrowser browser, string html, string footerText, Uri? baseUrl, CancellationToken cancellationToken)
    {
        // JavaScript stays on in the context because Chromium fills the footer's page numbers with script;
        // the document itself is served with a CSP that forbids scripts. Service workers could bypass routing.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
        });
        context.SetDefaultTimeout((float)_options.Timeout.TotalMilliseconds);
        var routing = new PageRouting(html, baseUrl);
        await context.RouteAsync(_ => true, routing.HandleAsync);

        var page = await context.NewPageAsync();
        var work = LoadAndPrintAsync(page, routing.DocumentUrl, footerText);
        try
        {
            // Print has no timeout of its own; closing the context (by leaving this method) aborts it.
            return await work.WaitAsync(_options.Timeout, cancellationToken);
        }
        catch (System.TimeoutException ex)
        {
            throw new PdfRenderException($"Rendering the PDF took longer than {_options.Timeout.TotalSeconds:0.#} s.", ex);
        }
        finally
        {
            // Observe a print abandoned on timeout or cancellation, so its later failure is not reported as unobserved.
            _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }
    }

    private static async Task<byte[]> LoadAndPrintAsync(IPage page, string documentUrl, string footerText)
    {
        // about: URLs are not routed, so a <meta http-equiv="refresh" content="0; url=about:blank"> that slipped
        // into the HTML would silently print an empty page; noticing the navigation turns that into an error.
        var navigatedAway = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url != documentUrl)
            {
                Interlocked.Exchange(ref navigatedAway, 1);
            }
        };

        // The route handler answers this navigation with the HTML, so no request leaves the machine.
        await page.GotoAsync(documentUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var pdf = await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PreferCSSPageSize = true,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = PdfFooter.EmptyHeader,
            FooterTemplate = PdfFooter.Template(footerText),
            // Used when the document's @page rule sets no margin; the footer needs the bottom one.
            Margin = new Margin { Top = "15mm", Right = "15mm", Bottom = "18mm", Left = "15mm" },
            Tagged = true,
        });
        if (Volatile.Read(ref navigatedAway) == 1 || page.Url != documentUrl)
        {
            throw new PdfRenderException("The document navigated away from itself (a meta refresh?), so the PDF would not show it.");
        }

        return pdf;
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        var browser = _browser;
        if (browser is { IsConnected: true })
        {
            return browser;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            // A crashed browser is replaced rather than failing every later export.
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }

            if (!File.Exists(_options.ChromiumPath))
            {
                throw new PdfRenderException(
                    $"Chromium not found at {_options.ChromiumPath}; run make run / make test, which install it.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                // A cold start on a busy machine can take seconds; it gets at least 30 s whatever the document limit.
                Timeout = (float)Math.Max(_options.Timeout.TotalMilliseconds, 30_000),
            });
            return _browser;
        }
        catch (PlaywrightException ex)
        {
            throw new PdfRenderException($"Chromium at {_options.ChromiumPath} failed to start: {ex.Message}", ex);
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
        }
        finally
        {
            _startLock.Release();
        }
    }
}
