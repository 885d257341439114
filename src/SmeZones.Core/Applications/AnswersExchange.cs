using System.Text.Json;
using System.Text.Json.Serialization;
using SmeZones.Core.Forms;

namespace SmeZones.Core.Applications;

/// <summary>
/// The answers of an application as a file, for exchange with other systems and for filling a draft from
/// prepared data. Format documented in docs/answers-json.md; keys are the definition's answer keys.
/// </summary>
public sealed record AnswersFile
{
    public const string CurrentFormat = "smezones-answers/1";

    [JsonPropertyName("format")] public string Format { get; init; } = CurrentFormat;
    [JsonPropertyName("edition")] public required string Edition { get; init; }
    [JsonPropertyName("roundYear")] public int RoundYear { get; init; }
    [JsonPropertyName("applicationNumber")] public string? ApplicationNumber { get; init; }
    [JsonPropertyName("exportedAt")] public DateTimeOffset? ExportedAt { get; init; }
    [JsonPropertyName("answers")] public required SortedDictionary<string, string> Answers { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Reads a file; null with a Chinese reason when it is not an answers file at all.</summary>
    public static (AnswersFile? File, string? Problem) Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var file = JsonSerializer.Deserialize<AnswersFile>(utf8, Options);
            if (file is null || file.Answers is null || file.Edition is null)
            {
                return (null, "文件不是本平台导出的填报数据（缺少 edition 或 answers）。");
            }
            if (file.Format != CurrentFormat)
            {
                return (null, $"不支持的数据格式“{file.Format}”，应为“{CurrentFormat}”。");
            }
            // A file is text that bypasses the web's form filter: strip control characters here, the same way.
            var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in file.Answers)
            {
                answers[FormText.StripControlCharacters(key)] = FormText.StripControlCharacters(value ?? "");
            }
            return (file with { Answers = answers }, null);
        }
        catch (JsonException)
        {
            return (null, "文件不是有效的 JSON，或其中的值不是文本。请使用本平台导出的填报数据文件。");
        }
    }
}

/// <summary>What an import did: how many answers were taken, and every value that was not, with why.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<OperationError> Refused);

public static class AnswersExchange
{
    public static AnswersFile Export(Application application, int roundYear, DateTimeOffset now) => new()
    {
        Edition = application.FormEditionKey,
        RoundYear = roundYear,
        ApplicationNumber = application.Number,
        ExportedAt = now,
        Answers = new SortedDictionary<string, string>(application.Answers, StringComparer.Ordinal),
    };

    /// <summary>Keys in the file that the edition does not have, reported rather than silently dropped.</summary>
    public static IReadOnlyList<OperationError> UnknownKeys(FormDefinition definition, int roundYear, AnswersFile file)
    {
        var known = FormAnswerKeys.For(definition, roundYear).Where(s => s.FilledBy == FieldFiller.Applicant).Select(s => s.Key).ToHashSet();
        return file.Answers.Keys.Where(k => !known.Contains(k)).Select(k => new OperationError(k, $"“{k}”不是本申报表的栏目，未导入")).ToList();
    }
}
