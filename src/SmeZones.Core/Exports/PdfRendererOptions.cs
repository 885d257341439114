namespace SmeZones.Core.Exports;

/// <summary>Settings for <see cref="ChromiumPdfRenderer"/>.</summary>
public sealed record PdfRendererOptions
{
    /// <summary>Debian's packaged Chromium; no Playwright browser download is needed.</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    /// <summary>Limit for one document (loading plus printing), well below a proxy's 60 s; a cold browser start is not counted.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Documents printed at once; more wait their turn, so a burst of exports cannot exhaust memory.</summary>
    public int MaxConcurrency { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
