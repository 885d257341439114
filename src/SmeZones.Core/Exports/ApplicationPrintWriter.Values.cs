using System.Text.RegularExpressions;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Exports;

/// <summary>The value cell of each field type: texts, numbers with printed units, ☑/☐ choices, 数量 + 名称, statements.</summary>
internal sealed partial class ApplicationPrintWriter
{
    private const string Ticked = "☑";
    private const string Unticked = "☐";

    /// <summary>Types whose value is a small table of its own, printed edge to edge in the value cell.</summary>
    private static bool IsNested(FormField field) =>
        field.Type is FieldType.Yearly or FieldType.YearGrid or FieldType.Table or FieldType.PlanTable;

    private void WriteValue(FormField field)
    {
        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.LongText:
                // A one-line answer may still hold a pasted line break; it is kept rather than run together.
                LongText(Answers.Get(field.Key));
                break;
            case FieldType.Number:
                WriteNumber(field);
                break;
            case FieldType.YesNo:
            case FieldType.Choice:
                WriteChoice(field);
                break;
            case FieldType.Checkboxes:
                WriteCheckboxes(field);
                break;
            case FieldType.CountNames:
                WriteCountNames(field);
                break;
            case FieldType.Yearly:
                WriteYearlyTable(field);
                break;
            case FieldType.YearGrid:
                WriteYearGrid(field);
                break;
            case FieldType.Table:
                WriteTableGrid(field);
                break;
            case FieldType.PlanTable:
                WritePlanGrid(field);
                break;
            case FieldType.Group:
                // Groups inside groups do not occur on the paper forms; their parts are listed one under another.
                foreach (var child in field.Fields!)
                {
                    Element("span", "note", Resolve(child.Label));
                    WriteValue(child);
                }

                break;
            case FieldType.Declaration:
                WriteDeclaration(field);
                break;
            case FieldType.Opinion:
                LongText(Answers.Get(field.Key), "div", "long opinion-text");
                WriteSignature(field);
                break;
            default:
                throw new InvalidOperationException($"No print layout for field type {field.Type} of '{field.Key}'.");
        }
    }

    /// <summary>"总数量：__家" where the form prints a prefix; otherwise the number, and the unit when the label does not already give it.</summary>
    private void WriteNumber(FormField field)
    {
        var value = Answers.Get(field.Key);
        var unit = field.ShownUnit;
        if (field.Prefix is null && unit is null)
        {
            Text(value);
            return;
        }

        Text(Resolve(field.Prefix)).Element("span", "fill", value).Text(unit);
    }

    /// <summary>Every option printed, the chosen one ticked: ☑是 ☐否.</summary>
    private void WriteChoice(FormField field)
    {
        var chosen = Answers.Get(field.Key)?.Trim();
        Raw("<div class=\"opts-inline\">");
        foreach (var option in field.EffectiveOptions())
        {
            Element("span", "opt", (option.Key == chosen ? Ticked : Unticked) + option.Label);
        }

        Raw("</div>");
    }

    private void WriteCheckboxes(FormField field)
    {
        if (!string.IsNullOrEmpty(field.OptionsIntro))
        {
            Element("div", "", Resolve(field.OptionsIntro));
        }

        // Short options (信息服务, 创业辅导 …) sit several to a line as on the paper; long ones one per line.
        var inline = field.Options!.All(o => o.Label.Length <= 6);
        Raw(inline ? "<div class=\"opts-inline\">" : "<div>");
        foreach (var option in field.Options!)
        {
            Element("span", "opt", Box(Answers.IsTicked($"{field.Key}.{option.Key}")) + option.Label);
        }

        if (field.OtherLabel is not null)
        {
            var other = Answers.Get($"{field.Key}.other");
            Raw("<span class=\"opt\">").Text(Box(Answers.IsTicked($"{field.Key}.otherChecked")) + field.OtherLabel);
            Text(string.IsNullOrEmpty(other) ? null : "：").Element("span", "fill", other).Raw("</span>");
        }

        Raw("</div>");
    }

    private static string Box(bool ticked) => ticked ? Ticked : Unticked;

    /// <summary>数量：__个 名称：… as the paper prints it.</summary>
    private void WriteCountNames(FormField field)
    {
        Raw("<div>").Text("数量：").Element("span", "fill", Answers.Get($"{field.Key}.count")).Text(field.Unit).Raw("</div>");
        Raw("<div>").Text("名称：");
        LongText(Answers.Get($"{field.Key}.names"), "span");
        Raw("</div>");
    }

    /// <summary>The statement, whether the applicant confirmed it online, and the places for signature, seal and date.</summary>
    private void WriteDeclaration(FormField field)
    {
        Element("p", "statement", Resolve(field.Text));
        Element("p", "confirm", Box(Answers.IsTicked($"{field.Key}.agreed")) + "本单位已阅读并确认以上声明");
        WriteSignature(field);
    }

    private void WriteSignature(FormField field)
    {
        if (field.SignatureLines is not { Count: > 0 } lines)
        {
            return;
        }

        Raw("<div class=\"signature\">");
        foreach (var line in lines)
        {
            // "年 月 日" is spread out so a date can be written in by hand.
            Element("p", DateLine().IsMatch(line) ? "sign-line date" : "sign-line", Resolve(line));
        }

        Raw("</div>");
    }

    [GeneratedRegex(@"^\s*年\s*月\s*日\s*$")]
    private static partial Regex DateLine();
}
