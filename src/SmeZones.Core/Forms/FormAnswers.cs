using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmeZones.Core.Forms;

/// <summary>
/// The answers of one application: a flat map of answer key → raw text exactly as the officer typed it
/// (stored as JSONB). Keys (see README.md):
/// <list type="bullet">
/// <item><c>field</c> — a simple field (text, number, yes/no or choice: the option key, e.g. "yes")</item>
/// <item><c>field.y1</c>, <c>field.y2</c>, <c>field.y3</c> — first/second/third data year (relative, so keys do not change between rounds)</item>
/// <item><c>field.column.yN</c> — a year grid cell</item>
/// <item><c>field.option</c> = "true" — a ticked checkbox; <c>field.otherChecked</c> = "true" and <c>field.other</c> = its text for "其他"</item>
/// <item><c>field.count</c>, <c>field.names</c> — a 数量 + 名称 pair</item>
/// <item><c>field.row.column</c> (+ <c>.yN</c> when the table is per year) — a table cell; <c>field.row.indicator</c> for an added plan row</item>
/// <item><c>field.agreed</c> = "true" — the 真实性声明 confirmed</item>
/// </list>
/// </summary>
[JsonConverter(typeof(FormAnswersJsonConverter))]
public sealed class FormAnswers
{
    private readonly Dictionary<string, string> _values;

    public FormAnswers()
        : this(new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    public FormAnswers(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <summary>All answers, for storage.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The raw answer, or null when not answered.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>True when the answer is present and not blank.</summary>
    public bool IsFilled(string key) => !string.IsNullOrWhiteSpace(Get(key));

    /// <summary>True when a checkbox is ticked.</summary>
    public bool IsTicked(string key) => string.Equals(Get(key)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sets an answer; null removes it. Returns this for chaining.</summary>
    public FormAnswers Set(string key, string? value)
    {
        if (value is null)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }

        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(_values);

    public static FormAnswers FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
}

/// <summary>Stores <see cref="FormAnswers"/> as a plain JSON object of strings.</summary>
internal sealed class FormAnswersJsonConverter : JsonConverter<FormAnswers>
{
    public override FormAnswers Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, FormAnswers value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, options);
}
