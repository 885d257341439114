using System.Globalization;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Assessment;

/// <summary>A number read from the answers: the value, or why there is none, and the figure to show.</summary>
internal sealed record NumberRead(string Key, decimal? Value, string? Raw, FigureUsed Figure)
{
    public bool IsMissing => Value is null;

    /// <summary>"未填写" or "无法读取为数字（“…”）", for explanations.</summary>
    public string Problem => string.IsNullOrWhiteSpace(Raw) ? "未填写" : $"无法读取为数字（“{Raw.Trim()}”）";
}

/// <summary>
/// What one assessment reads: the form edition, round, answers and settings. Every answer read goes
/// through here, so the assessment can list the keys it relied on and numbers are read exactly as
/// the validator reads them (<see cref="FormNumbers.TryParse"/>, full-width digits included).
/// </summary>
internal sealed class AssessmentInput
{
    private readonly HashSet<string> _keysRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnswerSlot> _slots;

    public AssessmentInput(FormDefinition form, int roundYear, FormAnswers answers, AssessmentSettings settings)
    {
        Form = form;
        RoundYear = roundYear;
        Answers = answers;
        Settings = settings;
        DataYears = FormTemplate.DataYears(form, roundYear);
        _slots = FormAnswerKeys.For(form, roundYear).ToDictionary(s => s.Key, StringComparer.Ordinal);
        _keyMap = form.Declared().CriteriaKeys ?? new Dictionary<string, string>();
    }

    private readonly IReadOnlyDictionary<string, string> _keyMap;

    /// <summary>
    /// The form's answer key for a criteria rule's semantic key: the longest mapped leading part (whole dot-separated
    /// parts) replaced by the form's own, e.g. <c>revenue.total.y3</c> → <c>income.total.y3</c>; unchanged when unmapped.
    /// </summary>
    public string Map(string key)
    {
        if (_keyMap.Count == 0)
        {
            return key;
        }
        for (var end = key.Length; end > 0; end = key.LastIndexOf('.', end - 1))
        {
            if (_keyMap.TryGetValue(key[..end], out var mapped))
            {
                return mapped + key[end..];
            }
        }
        return key;
    }

    public FormDefinition Form { get; }

    public int RoundYear { get; }

    public FormAnswers Answers { get; }

    public AssessmentSettings Settings { get; }

    public IReadOnlyList<int> DataYears { get; }

    public IReadOnlyCollection<string> KeysRead => _keysRead;

    public int LatestYear => DataYears[^1];

    /// <summary>The answer key of a yearly field for the latest data year, e.g. <c>revenue.total.y3</c>.</summary>
    public string Latest(string stem) => YearKey(stem, DataYears.Count);

    /// <summary>The answer keys of a yearly field for every data year, earliest first.</summary>
    public IReadOnlyList<string> EveryYear(string stem) => Enumerable.Range(1, DataYears.Count).Select(i => YearKey(stem, i)).ToList();

    /// <summary>The data year of a <c>….yN</c> key, or null.</summary>
    public int? YearOf(string key)
    {
        var dot = key.LastIndexOf(".y", StringComparison.Ordinal);
        return dot >= 0 && int.TryParse(key[(dot + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= DataYears.Count
            ? DataYears[n - 1]
            : null;
    }

    /// <summary>
    /// The form's own label of an answer key, resolved for the round (e.g. "合作区营业总收入（2025年）"), from
    /// <see cref="FormLabels"/>; the key itself only for a key the edition lacks (a criteria bug a test would show).
    /// </summary>
    public string Label(string key) => FormLabels.For(Form, RoundYear).Answer(Map(key)) ?? key;

    /// <summary>The display name of a field (not an answer key), e.g. a checkbox list; the key when absent.</summary>
    public string FieldLabel(string fieldKey)
    {
        var fields = Form.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Fields is null ? [f] : f.Fields.Prepend(f));
        var mapped = Map(fieldKey);
        return fields.FirstOrDefault(f => f.Key == mapped) is { } field ? FormTemplate.Resolve(field.DisplayName, RoundYear) : fieldKey;
    }

    /// <summary>True when the form edition has this answer key.</summary>
    public bool HasKey(string key) => _slots.ContainsKey(Map(key));

    public string? Raw(string key)
    {
        key = Map(key);
        _keysRead.Add(key);
        return Answers.Get(key);
    }

    /// <summary>A number with the form's label and the given unit.</summary>
    public NumberRead Number(string key, string unit) => Number(key, Label(key), unit);

    public NumberRead Number(string key, string label, string unit)
    {
        var raw = Raw(key);
        var value = FormNumbers.Read(raw);
        var year = YearOf(key);
        return new NumberRead(key, value, raw, new FigureUsed(label, value, unit, Map(key), year, value is null ? raw : null));
    }

    /// <summary>The option key of a yes/no or choice answer ("yes", "no", …), trimmed; null when blank.</summary>
    public string? Choice(string key) => Raw(key)?.Trim() is { Length: > 0 } value ? value : null;

    public bool Ticked(string key)
    {
        key = Map(key);
        _keysRead.Add(key);
        return Answers.IsTicked(key);
    }

    /// <summary>The labels of the ticked options of a checkbox field ("其他" as its typed text).</summary>
    public IReadOnlyList<string> TickedOptions(string fieldKey)
    {
        var ticked = new List<string>();
        fieldKey = Map(fieldKey);
        foreach (var slot in _slots.Values.Where(s => s.FieldKey == fieldKey && s.Kind == SlotKind.Flag))
        {
            if (!Ticked(slot.Key))
            {
                continue;
            }

            var option = slot.Label[(slot.Label.IndexOf('：', StringComparison.Ordinal) + 1)..];
            ticked.Add(slot.Key.EndsWith(".otherChecked", StringComparison.Ordinal) && Text($"{fieldKey}.other") is { } other ? $"{option}：{other}" : option);
        }

        return ticked;
    }

    /// <summary>How many options a checkbox field offers (including "其他").</summary>
    public int OptionCount(string fieldKey) => _slots.Values.Count(s => s.FieldKey == Map(fieldKey) && s.Kind == SlotKind.Flag);

    /// <summary>A text answer, trimmed; null when blank.</summary>
    public string? Text(string key) => Raw(key)?.Trim() is { Length: > 0 } value ? value : null;

    private static string YearKey(string stem, int index) => $"{stem}.y{index.ToString(CultureInfo.InvariantCulture)}";
}
