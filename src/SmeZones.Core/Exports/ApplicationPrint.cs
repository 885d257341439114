namespace SmeZones.Core.Exports;

/// <summary>
/// The print view of an application: one complete HTML document reproducing the official paper form (cover,
/// 填报说明, every section as ruled tables, 真实性声明 and the recommender's block), used both as the web page and
/// as the PDF's source. All inline CSS lives in one &lt;style&gt; element allowed by <see cref="StyleHashSource"/>.
/// </summary>
public static class ApplicationPrint
{
    /// <summary>The exact content of the document's &lt;style&gt; element.</summary>
    public static string StyleSheet => ApplicationPrintStyle.Css;

    /// <summary>The CSP source for the style sheet, e.g. <c>'sha256-…='</c> (quotes included).</summary>
    public static string StyleHashSource => ApplicationPrintStyle.HashSource;

    /// <summary>
    /// The policy to serve the page with: nothing loads or runs, only the one style sheet applies, and the page
    /// cannot be framed, rebased or submit anything.
    /// </summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src {StyleHashSource}; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string BuildHtml(PrintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApplicationPrintWriter(request).Write();
    }

    /// <summary>
    /// The text the PDF renderer prints on every page: "{number} · 草稿" for a draft, otherwise
    /// "{number} · {fingerprint}", so a stamped paper copy can be matched to the exact submission.
    /// </summary>
    public static string FooterText(PrintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsDraft)
        {
            return $"{request.ApplicationNumber} · 草稿";
        }

        return string.IsNullOrEmpty(request.Fingerprint)
            ? throw new ArgumentException("A submitted copy needs its fingerprint.", nameof(request))
            : $"{request.ApplicationNumber} · {request.Fingerprint}";
    }

    /// <summary>The PDF's file name, e.g. HZQ-2026-0001.pdf.</summary>
    public static string FileName(PrintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ApplicationNumber + ".pdf";
    }
}
