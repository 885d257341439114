using Microsoft.Playwright;

namespace SmeZones.Core.Exports;

/// <summary>
/// Prints HTML to PDF with headless Chromium (Debian's package, driven by Playwright), started on first use.
/// A bounded pool of pages (each in its own browser context, reused from one document to the next) prints
/// <see cref="PdfRendererOptions.PoolSize"/> documents at once; further requests queue for
/// <see cref="PdfRendererOptions.QueueTimeout"/> and are then refused as busy. After
/// <see cref="PdfRendererOptions.RecycleAfter"/> documents the browser is replaced: new documents go to a new one
/// and the old one is closed once its last document is printed. Register it as a singleton and let the host dispose it.
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
    private readonly SemaphoreSlim _places;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Stack<PrintPage> _idle = new();
    private readonly List<Browser> _browsers = [];
    private IPlaywright? _playwright;
    private Browser? _current;
    private int _browsersStarted;
    private bool _disposed;

    public ChromiumPdfRenderer(PdfRendererOptions? options = null)
    {
        _options = options ?? new PdfRendererOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.QueueTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PoolSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.RecycleAfter, 1, nameof(options));
        _places = new SemaphoreSlim(_options.PoolSize, _options.PoolSize);
    }

    /// <summary>Chromium processes started so far (the first, replacements after recycling or a crash).</summary>
    public int BrowsersStarted => Volatile.Read(ref _browsersStarted);

    /// <summary>Chromium processes not yet closed (the current one, and retired ones still printing).</summary>
    public int BrowsersOpen
    {
        get
        {
            lock (_lock)
            {
                return _browsers.Count;
            }
        }
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

        if (!await _places.WaitAsync(_options.QueueTimeout, cancellationToken))
        {
            throw new PdfRenderException(
                $"All {_options.PoolSize} PDF pages stayed busy for {_options.QueueTimeout.TotalSeconds:0.###} s.") { Busy = true };
        }

        PrintPage? page = null;
        var reusable = false;
        try
        {
            page = await LeaseAsync(cancellationToken);
            var pdf = await page.PrintAsync(html, footerText, baseUrl, _options, cancellationToken);
            reusable = true;
            return pdf;
        }
        catch (PlaywrightException ex)
        {
            throw new PdfRenderException($"Chromium failed to render the PDF: {ex.Message}", ex);
        }
        finally
        {
            if (page is not null)
            {
                await ReturnAsync(page, reusable);
            }

            _places.Release();
        }
    }

    /// <summary>An idle page of the current browser, or a new one; counts the document against its browser.</summary>
    private async Task<PrintPage> LeaseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var stale = new List<PrintPage>();
            PrintPage? reused = null;
            Browser? browser = null;
            lock (_lock)
            {
                while (reused is null && _idle.TryPop(out var idle))
                {
                    if (idle.Browser == _current && idle.Browser.Connected)
                    {
                        reused = idle;
                        CountDocument(idle.Browser, stale);
                    }
                    else
                    {
                        stale.Add(idle);
                    }
                }

                if (reused is null && _current is { Retired: false } current && current.Connected)
                {
                    browser = current;
                    browser.OpenPages++;
                    CountDocument(browser, stale);
                }
            }

            await CloseAllAsync(stale);
            if (reused is not null)
            {
                return reused;
            }

            browser ??= await StartBrowserAsync(cancellationToken);
            if (browser is null)
            {
                continue; // another call started the browser meanwhile: take a page of it
            }

            try
            {
                return await PrintPage.OpenAsync(browser, _options.Timeout);
            }
            catch
            {
                await ClosePageCountAsync(browser);
                throw;
            }
        }
    }

    /// <summary>Under the lock: one more document on <paramref name="browser"/>; at the limit it is retired and its idle pages collected.</summary>
    private void CountDocument(Browser browser, List<PrintPage> toClose)
    {
        browser.Documents++;
        if (browser.Documents < _options.RecycleAfter || browser.Retired)
        {
            return;
        }

        browser.Retired = true;
        if (_current == browser)
        {
            _current = null;
        }

        var keep = _idle.Where(p => p.Browser != browser).Reverse().ToList();
        toClose.AddRange(_idle.Where(p => p.Browser == browser));
        _idle.Clear();
        keep.ForEach(_idle.Push);
    }

    /// <summary>Starts the next browser unless another call already did; returns it with a page and a document counted, or null to retry.</summary>
    private async Task<Browser?> StartBrowserAsync(CancellationToken cancellationToken)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Browser? crashed;
            lock (_lock)
            {
                if (_current is { Retired: false } running && running.Connected)
                {
                    return null;
                }

                // A crashed browser is retired; its pages fail and are closed as they come back.
                crashed = _current;
                if (crashed is not null)
                {
                    crashed.Retired = true;
                    _current = null;
                    if (crashed.OpenPages > 0 || !_browsers.Remove(crashed))
                    {
                        crashed = null;
                    }
                }
            }

            if (crashed is not null)
            {
                await crashed.CloseAsync();
            }

            if (!File.Exists(_options.ChromiumPath))
            {
                throw new PdfRenderException(
                    $"Chromium not found at {_options.ChromiumPath}; run make run / make test, which install it.");
            }

            _playwright ??= await Playwright.CreateAsync();
            var launched = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Env = BrowserEnvironment(_options.FontConfigFile),
                // A cold start on a busy machine can take seconds; it gets at least 30 s whatever the document limit.
                Timeout = (float)Math.Max(_options.Timeout.TotalMilliseconds, 30_000),
            });
            Interlocked.Increment(ref _browsersStarted);
            var browser = new Browser(launched);
            var stale = new List<PrintPage>();
            lock (_lock)
            {
                _browsers.Add(browser);
                _current = browser;
                browser.OpenPages++;
                CountDocument(browser, stale);
            }

            return browser;
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

    /// <summary>
    /// The portal's environment, plus the print fonts' fontconfig file when it exists (ADR 0082); null keeps
    /// Playwright's default, the portal's environment as it is.
    /// </summary>
    private static Dictionary<string, string>? BrowserEnvironment(string fontConfigFile)
    {
        if (string.IsNullOrEmpty(fontConfigFile) || !File.Exists(fontConfigFile))
        {
            return null;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        environment["FONTCONFIG_FILE"] = fontConfigFile;
        return environment;
    }

    private async Task ReturnAsync(PrintPage page, bool reusable)
    {
        lock (_lock)
        {
            if (reusable && !_disposed && page.Browser == _current && page.Browser.Connected)
            {
                _idle.Push(page);
                return;
            }
        }

        // A page that failed or timed out may be mid-print or elsewhere: it is closed, never reused.
        await CloseAllAsync([page]);
    }

    private async Task CloseAllAsync(List<PrintPage> pages)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
            await ClosePageCountAsync(page.Browser);
        }
    }

    /// <summary>One page fewer on <paramref name="browser"/>; a retired browser with none left is closed.</summary>
    private async Task ClosePageCountAsync(Browser browser)
    {
        lock (_lock)
        {
            browser.OpenPages--;
            if (!browser.Retired || browser.OpenPages > 0 || !_browsers.Remove(browser))
            {
                return;
            }
        }

        await browser.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            List<Browser> browsers;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _idle.Clear();
                _current = null;
                browsers = [.. _browsers];
                _browsers.Clear();
            }

            foreach (var browser in browsers)
            {
                await browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>One Chromium process and what the pool counts on it (guarded by the renderer's lock).</summary>
    private sealed class Browser(IBrowser browser)
    {
        public IBrowser Instance => browser;

        public bool Connected => browser.IsConnected;

        /// <summary>Documents assigned to it, counted when a page is leased.</summary>
        public int Documents { get; set; }

        /// <summary>Pages open on it, idle or printing, and pages being opened.</summary>
        public int OpenPages { get; set; }

        /// <summary>Takes no new documents; closed when its last page is.</summary>
        public bool Retired { get; set; }

        public async Task CloseAsync()
        {
            try
            {
                await browser.DisposeAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone (crashed or killed): nothing left to close.
            }
        }
    }

    /// <summary>
    /// A page in a browser context of its own, reused for one document after another. Each document gets its own
    /// <see cref="PageRouting"/>, between documents nothing is served, and cookies are cleared before each document.
    /// Documents may run no script (their CSP) and every response comes from the routing, so nothing else can carry
    /// state from one document to the next.
    /// </summary>
    private sealed class PrintPage
    {
        private static readonly PageRouting Between = PageRouting.Closed();
        private readonly IBrowserContext _context;
        private PageRouting _routing = Between;
        private IPage _page = null!;

        private PrintPage(Browser browser, IBrowserContext context)
        {
            Browser = browser;
            _context = context;
        }

        public Browser Browser { get; }

        public static async Task<PrintPage> OpenAsync(Browser browser, TimeSpan timeout)
        {
            // JavaScript stays on in the context because Chromium fills the footer's page numbers with script;
            // the documents are served with a CSP that forbids scripts. Service workers could bypass routing.
            var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
            {
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
            });
            context.SetDefaultTimeout((float)timeout.TotalMilliseconds);
            var page = new PrintPage(browser, context);
            await context.RouteAsync(_ => true, route => Volatile.Read(ref page._routing).HandleAsync(route));
            page._page = await context.NewPageAsync();
            return page;
        }

        public async Task<byte[]> PrintAsync(string html, string footerText, Uri? baseUrl, PdfRendererOptions options, CancellationToken cancellationToken)
        {
            var timeout = options.Timeout;
            await _context.ClearCookiesAsync();
            var routing = new PageRouting(html, baseUrl);
            Volatile.Write(ref _routing, routing);
            var work = LoadAndPrintAsync(_page, routing.DocumentUrl, footerText, options.Tagged);
            try
            {
                // Print has no timeout of its own; closing the page's context (the caller does, as it is not reused) aborts it.
                return await work.WaitAsync(timeout, cancellationToken);
            }
            catch (System.TimeoutException ex)
            {
                throw new PdfRenderException($"Rendering the PDF took longer than {timeout.TotalSeconds:0.#} s.", ex);
            }
            finally
            {
                Volatile.Write(ref _routing, Between);
                // Observe a print abandoned on timeout or cancellation, so its later failure is not reported as unobserved.
                _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }
        }

        private static async Task<byte[]> LoadAndPrintAsync(IPage page, string documentUrl, string footerText, bool tagged)
        {
            // about: URLs are not routed, so a <meta http-equiv="refresh" content="0; url=about:blank"> that slipped
            // into the HTML would silently print an empty page; noticing the navigation turns that into an error.
            var navigatedAway = 0;
            void OnNavigated(object? sender, IFrame frame)
            {
                if (frame == page.MainFrame && frame.Url != documentUrl)
                {
                    Interlocked.Exchange(ref navigatedAway, 1);
                }
            }

            page.FrameNavigated += OnNavigated;
            try
            {
                // The route handler answers this navigation with the HTML, so no request leaves the machine. Only a
                // 200 is this document: anything else would leave the previous document of this page on screen.
                var response = await page.GotoAsync(documentUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                if (response is not { Status: 200 })
                {
                    throw new PdfRenderException($"The document was not loaded (answer {response?.Status.ToString() ?? "none"}).");
                }

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
                    Tagged = tagged,
                });
                if (Volatile.Read(ref navigatedAway) == 1 || page.Url != documentUrl)
                {
                    throw new PdfRenderException("The document navigated away from itself (a meta refresh?), so the PDF would not show it.");
                }

                return pdf;
            }
            finally
            {
                page.FrameNavigated -= OnNavigated;
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                await _context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser went away with it.
            }
        }
    }
}
