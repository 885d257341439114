using System.Text.Json;
using System.Text.Json.Serialization;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Assessment;

/// <summary>System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/>; settings store it as an array of names.</summary>
internal sealed class RegionClassSetJsonConverter : JsonConverter<IReadOnlySet<RegionClass>>
{
    public override IReadOnlySet<RegionClass> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new HashSet<RegionClass>(JsonSerializer.Deserialize<RegionClass[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<RegionClass> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Order().ToArray(), options);
}
