using System.Security.Cryptography;
using System.Text;

namespace SmeZones.Core.Exports;

/// <summary>
/// The print view's one style sheet. It is inlined in a single &lt;style&gt; element because the PDF renderer may
/// fetch nothing; the web page allows exactly this text through its CSP hash, so the element must hold this
/// string byte for byte and nothing may use style attributes (a hash does not cover them).
/// </summary>
internal static class ApplicationPrintStyle
{
    // The bottom margin leaves room for the renderer's footer (page numbers, application number, fingerprint).
    // Rows do not break across pages, as on the paper form; the cover fills one page and pushes the issuer
    // line to its foot. Check marks come from DejaVu Sans by font fallback: the CJK fonts do not have ☑/☐.
    public const string Css =
        "@page { size: A4; margin: 20mm 18mm 22mm 18mm }\n"
        + "html { font-family: \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif; font-size: 10.5pt; line-height: 1.5; color: #000 }\n"
        + "body { margin: 0 }\n"
        + "p { margin: 0 }\n"
        + ".meta { font-size: 8pt; color: #555; text-align: right }\n"
        + ".cover { height: 248mm; display: flex; flex-direction: column; break-after: page }\n"
        + ".annex { font-family: \"Noto Sans CJK SC\", sans-serif; font-size: 15pt; margin-top: 4mm }\n"
        + ".title { font-size: 26pt; font-weight: bold; text-align: center; letter-spacing: 0.05em; margin: 42mm 0 30mm }\n"
        + ".cover-fields { margin: 0 4mm; font-size: 14pt }\n"
        + ".cover-line { display: flex; align-items: flex-end; margin-bottom: 7mm }\n"
        + ".cover-label { flex: none }\n"
        + ".blank { flex: 1; border-bottom: 1px solid #000; min-height: 1.5em; padding: 0 2mm; text-align: center; overflow-wrap: anywhere }\n"
        + ".suffix { flex: none; padding-left: 1mm }\n"
        + ".cover-hint { font-size: 11pt; text-align: center; margin: -5mm 0 7mm }\n"
        + ".issuer { margin-top: auto; text-align: center; font-size: 15pt }\n"
        + ".doc-heading { font-size: 16pt; text-align: center; margin: 0 0 5mm }\n"
        + ".instruction { text-indent: 2em; margin-bottom: 2mm }\n"
        + ".first-section { break-before: page }\n"
        + ".section-title { font-family: \"Noto Sans CJK SC\", sans-serif; font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid }\n"
        + ".section-note { font-size: 9.5pt; margin-bottom: 2mm; break-after: avoid }\n"
        + "table { width: 100%; border-collapse: collapse; table-layout: fixed }\n"
        + "col.c-label { width: 34% }\n"
        + "th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere }\n"
        + "tr { break-inside: avoid; page-break-inside: avoid }\n"
        + "tbody.keep { break-inside: avoid }\n"
        + "tr.flow { break-inside: auto; page-break-inside: auto }\n"
        + "thead { display: table-header-group }\n"
        + ".head { text-align: center }\n"
        + ".num { text-align: center }\n"
        + "td.nested { padding: 0 }\n"
        + "table.inner { border-style: hidden }\n"
        + ".note { display: block; font-size: 9pt }\n"
        + ".long { white-space: pre-wrap }\n"
        + ".guide { font-size: 9.5pt; color: #333 }\n"
        + ".opt { display: block }\n"
        + ".opts-inline .opt { display: inline-block; min-width: 30%; margin-right: 2mm }\n"
        + ".fill { display: inline-block; min-width: 18mm; border-bottom: 1px solid #000; padding: 0 1mm; text-align: center }\n"
        + ".statement { text-indent: 2em }\n"
        + ".confirm { font-size: 9pt; margin-top: 2mm }\n"
        + ".opinion-text { min-height: 32mm }\n"
        + ".signature { margin: 8mm 0 2mm 35% }\n"
        + ".sign-line { margin-bottom: 4mm }\n"
        + ".date { text-align: right; word-spacing: 2.5em; padding-right: 4mm }\n";

    /// <summary>The CSP source that allows exactly <see cref="Css"/>: 'sha256-…' over its UTF-8 bytes.</summary>
    public static readonly string HashSource = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";
}
