using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>
/// Writes the print document of one <see cref="PrintRequest"/>. Split by what it writes (cover, section rows,
/// values, tables); this part holds the document frame and the HTML primitives. Every text that is not markup goes
/// through <see cref="Text"/>, so answers, labels and names are always encoded.
/// </summary>
internal sealed partial class ApplicationPrintWriter
{
    // All Unicode ranges allowed: Chinese stays readable in the source, and only what HTML needs escaping is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();
    private readonly PrintRequest _request;
    private readonly FormDefinition _definition;

    public ApplicationPrintWriter(PrintRequest request)
    {
        _request = request;
        _definition = request.Definition;
        // Value columns of a section's table: one per data year where a year header is printed, at least three
        // so a 联系人 | … | 联系方式 | … row fits.
        ValueColumns = Math.Max(3, _definition.DataYears.Count);
    }

    private int ValueColumns { get; }

    private FormAnswers Answers => _request.Answers;

    public string Write()
    {
        Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        Text($"{_request.ApplicationNumber} {_definition.Title}");
        Raw("</title>\n<style>").Raw(ApplicationPrintStyle.Css).Raw("</style>\n</head>\n<body>\n");
        WriteCover();
        WriteInstructions();
        var first = true;
        foreach (var section in _definition.Sections)
        {
            WriteSection(section, first);
            first = false;
        }

        Raw("</body>\n</html>\n");
        return _html.ToString();
    }

    private string Resolve(string? text) => text is null ? "" : FormTemplate.Resolve(text, _request.RoundYear);

    private ApplicationPrintWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Encoded text; null prints nothing (an unanswered cell is empty, never "null").</summary>
    private ApplicationPrintWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>An element with a class and encoded text, e.g. &lt;p class="note"&gt;…&lt;/p&gt;.</summary>
    private ApplicationPrintWriter Element(string tag, string cssClass, string? text) =>
        Raw(cssClass.Length == 0 ? $"<{tag}>" : $"<{tag} class=\"{cssClass}\">").Text(text).Raw($"</{tag}>");

    /// <summary>Text whose line breaks are kept: each line encoded, joined by &lt;br&gt; (the class keeps spaces).</summary>
    private ApplicationPrintWriter LongText(string? text, string tag = "div", string cssClass = "long")
    {
        Raw($"<{tag} class=\"{cssClass}\">");
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                Raw("<br>");
            }

            Text(lines[i]);
        }

        return Raw($"</{tag}>");
    }

    private static string Span(int columns) =>
        columns > 1 ? " colspan=\"" + columns.ToString(CultureInfo.InvariantCulture) + "\"" : "";

    private static string Rows(int rows) =>
        rows > 1 ? " rowspan=\"" + rows.ToString(CultureInfo.InvariantCulture) + "\"" : "";

    /// <summary>The evidence request printed with a row, as the edit page shows it.</summary>
    private static string? EvidenceText(FormField field) =>
        field.EvidenceNote ?? (field.Evidence is { Count: > 0 } numbers ? $"（提供相关佐证材料 {string.Join("、", numbers)}）" : null);
}
