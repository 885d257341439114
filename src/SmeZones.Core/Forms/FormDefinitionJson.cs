using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmeZones.Core.Forms;

/// <summary>
/// Reads and writes definitions. An application stores the JSON of the edition it was filled in with
/// and is read with that copy forever, so reading does not apply today's structural checks
/// (call <see cref="FormDefinitionChecker.Check"/> when wanted).
/// </summary>
public static class FormDefinitionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FormDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<FormDefinition>(json, Options) ?? throw new JsonException("The form definition is empty (null).");

    public static FormDefinition Deserialize(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Deserialize<FormDefinition>(Options) ?? throw new JsonException("The form definition is empty (null).");
    }

    public static string Serialize(FormDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static JsonDocument ToDocument(FormDefinition definition) => JsonSerializer.SerializeToDocument(definition, Options);
}
