using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmeZones.Core.Forms;

/// <summary>
/// How definitions are read and written: the edition files (<see cref="FormEditionCatalogue"/>) and the copy each
/// submission keeps (<c>SubmissionSnapshot</c>), which is read forever, so reading does not apply today's structural
/// checks (call <see cref="FormDefinitionChecker.Check"/> when wanted).
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
}
