using System.Reflection;
using System.Text.Json;

namespace SmeZones.Core.Forms;

/// <summary>
/// The form editions the portal knows: those shipped with it (embedded <c>Forms/Editions/*.json</c>) and those in
/// an operator's editions directory (setting <c>Forms:EditionsDirectory</c>, <see cref="AddDirectory"/>), so a new
/// year's form is a file, not a build. Each is checked structurally when loaded, so a malformed edition fails at
/// start-up, naming the edition and problem.
/// </summary>
public sealed class FormEditionCatalogue
{
    private const string ResourceMarker = ".Forms.Editions.";

    private static readonly Lazy<IReadOnlyList<FormDefinition>> EmbeddedDefinitions = new(LoadEmbeddedDefinitions);
    private static readonly Lock Gate = new();
    private static readonly List<string> Directories = [];
    private static FormEditionCatalogue? _current;

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

    /// <summary>The embedded editions plus those of every added directory.</summary>
    public static FormEditionCatalogue Default
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is not null)
            {
                return current;
            }
            lock (Gate)
            {
                return _current ??= new FormEditionCatalogue(EmbeddedDefinitions.Value);
            }
        }
    }

    /// <summary>
    /// Adds the editions in a directory (<c>*.json</c>, file name = edition key) to <see cref="Default"/>. Adding the
    /// same directory again does nothing; a bad file or a key that is already taken throws, naming it.
    /// </summary>
    public static void AddDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        lock (Gate)
        {
            if (Directories.Contains(full, StringComparer.Ordinal))
            {
                return;
            }
            var extra = Directories.Append(full).SelectMany(LoadDirectory).ToList();
            var catalogue = new FormEditionCatalogue([.. EmbeddedDefinitions.Value, .. extra]);
            Directories.Add(full);
            Volatile.Write(ref _current, catalogue);
        }
    }

    /// <summary>All editions, ordered by key.</summary>
    public IReadOnlyList<FormDefinition> All => _editions.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    /// <summary>The application forms (申报表) a round may use, ordered by key.</summary>
    public IReadOnlyList<FormDefinition> ApplicationForms => All.Where(d => !d.IsAnnualReport).ToList();

    /// <summary>The programme's newest 年度发展报告 form; null when the catalogue has none.</summary>
    public FormDefinition? AnnualReportFor(Campaigns.Programme programme) =>
        All.Where(d => d.IsAnnualReport && d.Programme == programme).OrderByDescending(d => d.RoundYear)
            .ThenByDescending(d => d.Key, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The edition with this key; throws <see cref="KeyNotFoundException"/> naming the known keys.</summary>
    public FormDefinition Get(string editionKey) =>
        _editions.TryGetValue(editionKey, out var definition)
            ? definition
            : throw new KeyNotFoundException($"No form edition '{editionKey}'. Known editions: {string.Join(", ", _editions.Keys.Order(StringComparer.Ordinal))}.");

    public bool TryGet(string editionKey, out FormDefinition? definition) => _editions.TryGetValue(editionKey, out definition);

    /// <summary>A catalogue of only the embedded editions (each call checks them again).</summary>
    public static FormEditionCatalogue LoadEmbedded() => new(LoadEmbeddedDefinitions());

    private static List<FormDefinition> LoadEmbeddedDefinitions()
    {
        var assembly = typeof(FormEditionCatalogue).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.Contains(ResourceMarker, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal));
        return names.Select(name =>
        {
            var fileKey = name[(name.IndexOf(ResourceMarker, StringComparison.Ordinal) + ResourceMarker.Length)..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new FormDefinitionException(fileKey, ["the embedded resource cannot be opened"]);
            return Read(fileKey, stream);
        }).ToList();
    }

    private static IEnumerable<FormDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new FormDefinitionException($"The form editions directory '{directory}' does not exist.", new DirectoryNotFoundException(directory));
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            yield return Read(Path.GetFileNameWithoutExtension(file), stream);
        }
    }

    /// <summary>Reads one edition file; the file name must equal the edition key.</summary>
    private static FormDefinition Read(string fileKey, Stream stream)
    {
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
