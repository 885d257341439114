using System.Globalization;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>The cover page (封面) and the 填报说明, laid out as on the paper form.</summary>
internal sealed partial class ApplicationPrintWriter
{
    private void WriteCover()
    {
        Raw("<section class=\"cover\">\n");
        // Not on the paper form: a small line that says which record and which state this copy is.
        Element("p", "meta", MetaLine()).Raw("\n");
        if (!string.IsNullOrWhiteSpace(_definition.Annex))
        {
            Element("p", "annex", _definition.Annex).Raw("\n");
        }

        Element("h1", "title", _definition.Title).Raw("\n<div class=\"cover-fields\">\n");
        foreach (var field in _definition.Cover)
        {
            WriteCoverField(field);
        }

        Raw("</div>\n");
        Element("p", "issuer", _definition.Issuer).Raw("\n</section>\n");
    }

    private string MetaLine()
    {
        var state = _request.IsDraft || _request.SubmittedAt is null
            ? "草稿（未提交，内容仍可修改）"
            : $"提交于 {ChinaTime.Format(_request.SubmittedAt.Value)} · 校验码 {_request.Fingerprint}";
        return $"申报编号 {_request.ApplicationNumber} · {_request.OrganisationName} · {state}";
    }

    /// <summary>
    /// "label：____suffix" with the answer on the line; a group (所属地区) puts its children's blanks and suffixes
    /// on one line; the example hint is printed under its line.
    /// </summary>
    private void WriteCoverField(FormField field)
    {
        Raw("<p class=\"cover-line\">");
        Element("span", "cover-label", WithColon(Resolve(field.Label)));
        foreach (var part in field.Type == FieldType.Group ? field.Fields! : [field])
        {
            Element("span", "blank", Answers.Get(part.Key));
            if (!string.IsNullOrEmpty(part.Suffix))
            {
                Element("span", "suffix", Resolve(part.Suffix));
            }
        }

        Raw("</p>\n");
        if (!string.IsNullOrEmpty(field.Hint))
        {
            Element("p", "cover-hint", Resolve(field.Hint)).Raw("\n");
        }
    }

    private static string WithColon(string label) =>
        label.Length == 0 || label.EndsWith('：') || label.EndsWith(':') ? label : label + "：";

    private void WriteInstructions()
    {
        Raw("<section class=\"instructions\">\n");
        Element("h2", "doc-heading", "填报说明").Raw("\n");
        var number = 1;
        foreach (var item in _definition.Instructions)
        {
            Element("p", "instruction", $"{number.ToString(CultureInfo.InvariantCulture)}. {Resolve(item)}").Raw("\n");
            number++;
        }

        Raw("</section>\n");
    }
}
