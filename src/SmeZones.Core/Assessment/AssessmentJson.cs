using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmeZones.Core.Assessment;

/// <summary>Stores an <see cref="Assessment"/> with a review and reads it back unchanged.</summary>
public static class AssessmentJson
{
    /// <summary>camelCase, enums as names, Chinese kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Serialize(Assessment assessment) => JsonSerializer.Serialize(assessment, Options);

    public static Assessment Deserialize(string json) =>
        JsonSerializer.Deserialize<Assessment>(json, Options) ?? throw new JsonException("The stored assessment is empty.");
}
