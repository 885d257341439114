using System.Reflection;
using System.Text.Json;

namespace SmeZones.Core.Forms;

/// <summary>
/// The form editions shipped with the portal (embedded <c>Forms/Editions/*.json</c>), each checked
/// structurally when loaded so a malformed edition fails at start-up, naming the edition and problem.
/// </summary>
public sealed class FormEditionCatalogue
{
    private const string ResourceMarker = ".Forms.Editions.";

    private static readonly Lazy<FormEditionCatalogue> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, FormDefinition> _editions;

    /// <summary>Builds a catalogue from definitions, checking each; throws <see cref="FormDefinitionException"/>.</summary>
    public FormEditionCatalogue(IEnumerable<FormDefinition> definitions)
    {
        _editions = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            FormDefinitionChecker.Check(definition);
            if (!_editions.TryAdd(definition.Key, definition))
            {
                throw new FormDefinitionException(definition.Key, ["another edition has the same key"]);
            }
        }
    }

    /// <summary>The editions embedded in SmeZones.Core, loaded once.</summary>
    public static FormEditionCatalogue Default => Embedded.Value;

    /// <summary>All editions, ordered by key.</summary>
    public IReadOnlyList<FormDefinition> All => _editions.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    /// <summary>The edition with this key; throws <see cref="KeyNotFoundException"/> naming the known keys.</summary>
    public FormDefinition Get(string editionKey) =>
        _editions.TryGetValue(editionKey, out var definition)
            ? definition
            : throw new KeyNotFoundException($"No form edition '{editionKey}'. Known editions: {string.Join(", ", _editions.Keys.Order(StringComparer.Ordinal))}.");

    public bool TryGet(string editionKey, out FormDefinition? definition) => _editions.TryGetValue(editionKey, out definition);

    /// <summary>Loads every embedded edition; the file name must equal the edition key.</summary>
    public static FormEditionCatalogue LoadEmbedded()
    {
        var assembly = typeof(FormEditionCatalogue).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.Contains(ResourceMarker, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal));
        return new FormEditionCatalogue(names.Select(name => LoadResource(assembly, name)).ToList());
    }

    private static FormDefinition LoadResource(Assembly assembly, string resourceName)
    {
        var fileKey = resourceName[(resourceName.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..^".json".Length];
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new FormDefinitionException(fileKey, ["the embedded resource cannot be opened"]);
        FormDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<FormDefinition>(stream, FormDefinitionJson.Options)
                ?? throw new FormDefinitionException(fileKey, ["the file is empty"]);
        }
        catch (JsonException e)
        {
            throw new FormDefinitionException($"Form edition '{fileKey}' is not valid JSON for a form definition: {e.Message}", e);
        }

        return definition.Key == fileKey
            ? definition
            : throw new FormDefinitionException(fileKey, [$"the file declares key '{definition.Key}'"]);
    }
}
