using System.Net;

namespace SmeZones.Core.Exports;

/// <summary>The Chromium footer template printed in every page's bottom margin.</summary>
internal static class PdfFooter
{
    /// <summary>Chromium's header and footer are blank by default, but an empty header still needs markup.</summary>
    public const string EmptyHeader = "<span></span>";

    /// <summary>
    /// Chromium fills the <c>pageNumber</c> and <c>totalPages</c> spans per page. The template is its own
    /// little document: it inherits none of the page's CSS, and its default font size is too small to read,
    /// so font and size are set here. The numbers get margins rather than spaces
    /// because pdftotext drops a plain space between CJK glyphs, and search in PDF viewers does likewise. The text is HTML-escaped because it may echo user data.
    /// </summary>
    public static string Template(string footerText) =>
        "<div style=\"box-sizing:border-box;width:100%;padding:0 12mm;display:flex;justify-content:space-between;"
        + "font-family:'SmeZones Print Hei','WenQuanYi Zen Hei','AR PL UMing CN',sans-serif;font-size:8pt;color:#333;\">"
        + $"<span>{WebUtility.HtmlEncode(footerText)}</span>"
        + "<span>第<span class=\"pageNumber\" style=\"margin:0 1em\"></span>页"
        + "<span style=\"margin:0 1em\">/</span>"
        + "共<span class=\"totalPages\" style=\"margin:0 1em\"></span>页</span>"
        + "</div>";
}
