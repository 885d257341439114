using System.Globalization;
using System.Text.RegularExpressions;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Registry;
using SmeZones.Core.Review;

namespace SmeZones.Core.Exports;

/// <summary>
/// The print view of one application as data: which lines and rows the paper form has, in which layout, with which
/// values, and the footer that identifies the copy. The web project draws it as HTML (Razor partials) for the print
/// page and the PDF; nothing here is markup.
/// </summary>
public sealed partial class ApplicationPrintModel
{
    private readonly PrintRequest _request;

    public ApplicationPrintModel(PrintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        Definition = request.Definition;
        // Value columns of a section's table: one per data year where a year header is printed, at least three
        // so a 联系人 | … | 联系方式 | … row fits.
        ValueColumns = Math.Max(3, Definition.DataYears.Count);
        Sections = [.. Definition.Sections.Select((s, i) => Section(s, i == 0))];
    }

    public FormDefinition Definition { get; }

    public int ValueColumns { get; }

    public IReadOnlyList<PrintSection> Sections { get; }

    /// <summary>The document title, e.g. "HZQ-2026-0001 中外中小企业合作区申报表".</summary>
    public string DocumentTitle => $"{_request.ApplicationNumber} {Definition.Title}";

    /// <summary>Not on the paper form: a small line that says which record and which state this copy is.</summary>
    public string MetaLine
    {
        get
        {
            var state = _request.IsDraft || _request.SubmittedAt is null
                ? "草稿（未提交，内容仍可修改）"
                : $"提交于 {ChinaTime.Format(_request.SubmittedAt.Value)} · 校验码 {_request.Fingerprint}";
            return $"申报编号 {_request.ApplicationNumber} · {_request.OrganisationName} · {state}";
        }
    }

    public string FooterText => ApplicationPrint.FooterText(_request);

    /// <summary>The completion appendix (<see cref="PrintRequest.Progress"/>), when it has a line to print.</summary>
    public PlanProgress? Progress => _request.Progress is { Lines.Count: > 0 } progress ? progress : null;

    public string FileName => ApplicationPrint.FileName(_request);

    public IEnumerable<PrintCoverLine> Cover =>
        Definition.Cover.Select(line => new PrintCoverLine(
            WithColon(Resolve(line.Label)),
            [.. (line.Type == FieldType.Group ? line.Fields! : [line]).Select(p => new PrintBlank(Value(p.Key), NullIfEmpty(Resolve(p.Suffix))))],
            NullIfEmpty(Resolve(line.Hint))));

    /// <summary>The 填报说明, numbered "1. …".</summary>
    public IEnumerable<string> Instructions =>
        Definition.Instructions.Select((item, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {Resolve(item)}");

    /// <summary>The answer as entered; null when unanswered, which prints as an empty cell.</summary>
    public string? Value(string key) => _request.Answers.Get(key);

    /// <summary>A text's lines, so line breaks the applicant typed are kept rather than run together.</summary>
    public IReadOnlyList<string> Lines(string key) => SplitLines(Value(key) ?? "");

    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    public string Resolve(string? text) => text is null ? "" : FormTemplate.Resolve(text, _request.RoundYear);

    /// <summary>The small notes printed under a row's label: its label note, a text's hint, the evidence request, notes.</summary>
    public IEnumerable<string> LabelNotes(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new[] { field.LabelNote, field.Type == FieldType.Text ? field.Hint : null, field.EvidenceText() }
            .Concat(field.Notes ?? []).Where(n => !string.IsNullOrEmpty(n)).Select(Resolve);
    }

    /// <summary>True when the field's value is a small table of its own, printed edge to edge in its cell.</summary>
    public static bool IsNested(FormField field) =>
        field?.Type is FieldType.Yearly or FieldType.YearGrid or FieldType.Table or FieldType.PlanTable;

    public IReadOnlyList<YearColumn> Years(FormField field) => FormTemplate.YearColumns(Definition, field, _request.RoundYear);

    /// <summary>The years a table repeats its columns for; none when it has one block of columns.</summary>
    public IReadOnlyList<YearColumn> TableYears(FormField field) => FormTemplate.YearColumns(field?.Years ?? [], _request.RoundYear);

    /// <summary>Every option printed, the chosen one ticked: ☑是 ☐否.</summary>
    public IEnumerable<PrintOption> Choices(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var chosen = Value(field.Key)?.Trim();
        return field.EffectiveOptions().Select(o => new PrintOption(o.Label, o.Key == chosen));
    }

    public IEnumerable<PrintOption> Checkboxes(FormField field) =>
        (field?.Options ?? []).Select(o => new PrintOption(o.Label, _request.Answers.IsTicked($"{field!.Key}.{o.Key}")));

    /// <summary>Short options (信息服务, 创业辅导 …) sit several to a line as on the paper; long ones one per line.</summary>
    public static bool OptionsInline(FormField field) => (field?.Options ?? []).All(o => o.Label.Length <= 6);

    public PrintOption? Other(FormField field) =>
        field?.OtherLabel is null ? null : new PrintOption(field.OtherLabel, _request.Answers.IsTicked($"{field.Key}.otherChecked"));

    /// <summary>Whether the applicant confirmed the 真实性声明 online.</summary>
    public PrintOption Confirmation(FormField field) =>
        new("本单位已阅读并确认以上声明", _request.Answers.IsTicked($"{field?.Key}.agreed"));

    public IEnumerable<PrintSignatureLine> SignatureLines(FormField field)
    {
        var lines = (field?.SignatureLines ?? []).Select(line => new PrintSignatureLine(Resolve(line), DateLine().IsMatch(line)));
        if (field?.Type != FieldType.Opinion || Opinion is not { } opinion)
        {
            return lines;
        }
        // The recommending unit after the seal line's label, the date written on the date line; the seal itself stays
        // for the stamp on the paper copy.
        var written = lines.Select(line => line.IsDate
            ? line with { Text = ChinaTime.FormatDate(opinion.Date) }
            : line with { Text = line.Text + opinion.Unit });
        return opinion.SignedOff ? written : written.Append(new PrintSignatureLine("（本级尚未签发）", false));
    }

    /// <summary>The 推荐意见 for the form's opinion place, when there is one to print (<see cref="PrintRequest.Opinion"/>).</summary>
    public StageOpinion? Opinion => _request.IsDraft ? null : _request.Opinion;

    /// <summary>An opinion field's text: the recommending unit's 推荐意见 when there is one, otherwise what the answers hold.</summary>
    public IReadOnlyList<string> OpinionLines(FormField field) =>
        Opinion is { } opinion ? SplitLines(opinion.Opinion) : Lines(field?.Key ?? "");

    /// <summary>
    /// The printed indicators, then each added row that has anything in it; where the form allows added rows and
    /// none was used, one empty "……" row, as on the paper.
    /// </summary>
    public IReadOnlyList<PrintPlanLine> PlanLines(FormField field, PlanDirection direction)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(direction);
        var lines = direction.Rows.Select(r => new PrintPlanLine(r.Key, r.Label)).ToList();
        var extra = direction.ExtraRows ?? 0;
        var added = 0;
        for (var n = 1; n <= extra; n++)
        {
            var rowKey = direction.Key + "Extra" + n.ToString(CultureInfo.InvariantCulture);
            var cells = field.Columns!.Select(c => c.Key).Prepend("indicator").Select(c => $"{field.Key}.{rowKey}.{c}");
            if (cells.Any(_request.Answers.IsFilled))
            {
                lines.Add(new PrintPlanLine(rowKey, Value($"{field.Key}.{rowKey}.indicator")));
                added++;
            }
        }

        if (extra > 0 && added == 0 || lines.Count == 0)
        {
            lines.Add(new PrintPlanLine("", "……"));
        }

        return lines;
    }

    private static string WithColon(string label) =>
        label.Length == 0 || label.EndsWith('：') || label.EndsWith(':') ? label : label + "：";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^\s*年\s*月\s*日\s*$")]
    private static partial Regex DateLine();
}
