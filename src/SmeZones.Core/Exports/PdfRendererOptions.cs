namespace SmeZones.Core.Exports;

/// <summary>Settings for <see cref="ChromiumPdfRenderer"/>.</summary>
public sealed record PdfRendererOptions
{
    /// <summary>Debian's packaged Chromium; no Playwright browser download is needed.</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    /// <summary>Limit for one document (loading plus printing), well below a proxy's 60 s; a cold browser start is not counted.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Pages kept open, i.e. documents printed at once; more wait their turn, so a burst of exports cannot exhaust
    /// memory. Two per core: a page waits on the browser process part of the time.
    /// </summary>
    public int PoolSize { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>How long a request waits for a free page before it is refused as busy (with <see cref="Timeout"/>, under a proxy's 60 s).</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Tagged PDF (a structure tree for assistive technology). Off by default: it made the 8-page application 40 %
    /// larger (253 against 182 KiB) and slower to print, and the same document is available as the accessible HTML
    /// print view (ADR 0075).
    /// </summary>
    public bool Tagged { get; init; }

    /// <summary>
    /// The fontconfig file written by <c>scripts/print-fonts.sh</c>: the system's fonts plus the cut-down print fonts
    /// ("SmeZones Print Song", "SmeZones Print Hei") that the print CSS names first (ADR 0082). Chromium copies the whole
    /// file of each font a document uses into every print job, so small files make PDFs much cheaper. When the file is
    /// missing Chromium uses the system's fonts: the same PDFs, printed from the full fonts, more slowly.
    /// </summary>
    public string FontConfigFile { get; init; } = DefaultFontConfigFile;

    /// <summary>Where <c>scripts/print-fonts.sh</c> writes its fontconfig file by default.</summary>
    public const string DefaultFontConfigFile = "/usr/local/share/smezones/print-fonts/fonts.conf";

    /// <summary>Documents one Chromium prints before it is replaced, so that its memory stays bounded.</summary>
    public int RecycleAfter { get; init; } = 200;
}
