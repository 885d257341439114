namespace SmeZones.Core.Exports;

/// <summary>Turns a complete, self-contained HTML document into PDF bytes.</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Renders <paramref name="html"/> (CSS inline; page size and margins from its <c>@page</c> rule,
    /// A4 when it has none). Every page gets a footer "第 N 页 / 共 M 页" and <paramref name="footerText"/>.
    /// The page may not fetch anything: only <c>data:</c> and <c>about:</c> URLs load.
    /// </summary>
    /// <param name="html">The whole document, from <c>&lt;!doctype html&gt;</c> on.</param>
    /// <param name="footerText">Plain text (escaped here), e.g. "HZQ-2026-0001 · 3f2a9c1d0b7e4a55" or "草稿".</param>
    /// <param name="baseUrl">Optional document address, so relative links in the PDF resolve; nothing is fetched from it.</param>
    /// <exception cref="PdfRenderException">Chromium is missing, failed, or took longer than the configured timeout.</exception>
    Task<byte[]> RenderAsync(string html, string footerText, Uri? baseUrl = null, CancellationToken cancellationToken = default);
}
