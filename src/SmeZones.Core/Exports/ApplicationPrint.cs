namespace SmeZones.Core.Exports;

/// <summary>
/// What stays the same however the print view is drawn: the text the PDF renderer prints on every page and the
/// PDF's file name. The document itself is <see cref="ApplicationPrintModel"/>, drawn as HTML by the web project.
/// </summary>
public static class ApplicationPrint
{
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
