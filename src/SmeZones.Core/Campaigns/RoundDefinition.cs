using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>
/// A round as the organiser writes it, in the editor or in a create-round JSON file. Everything is text until
/// <see cref="RoundDefinitionValidator"/> has accepted it, so hostile input gets a Chinese message, never a binding error.
/// Times are 北京时间 wall-clock, "yyyy-MM-dd HH:mm".
/// </summary>
public sealed class RoundDefinition
{
    /// <summary>Organisation name; used by the create-round verb only (the editor uses the signed-in organiser).</summary>
    public string? Organiser { get; set; }
    public string? Programme { get; set; }
    public string? Year { get; set; }
    public string? Name { get; set; }
    public string? FormEdition { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? NoticeNumber { get; set; }
    public string? OfficialDeadline { get; set; }
    public string? ApplicantLevel { get; set; }
    public List<StageDefinition> Stages { get; set; } = [];
    public List<string> RelaxedRegionClasses { get; set; } = [];

    /// <summary>
    /// The relaxation for 中西部/东北 or 西部: threshold key of the form's criteria edition → relaxed value as written.
    /// Blank values are no relaxation. Fixed with the rest of the round once published.
    /// </summary>
    public Dictionary<string, string?> Relaxations { get; set; } = [];
    public string? IntroMaxChars { get; set; }

    /// <summary>A re-review round: the ids of the 期满待复核 registry entries it re-reviews (ADR 0066); empty otherwise.</summary>
    public List<string> ReReviewEntries { get; set; } = [];

    /// <summary>Verb only: publish right after creating.</summary>
    public bool Publish { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new NumberAsTextConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static RoundDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<RoundDefinition>(json, Json) ?? throw new JsonException("空的批次定义");

    /// <summary>The editor's blank stage rows are not stages, and a blank relaxation is none.</summary>
    public void DropBlanks()
    {
        Stages = Stages.Where(s => !s.IsBlank).ToList();
        Relaxations = Relaxations.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key.Trim(), r => r.Value);
        ReReviewEntries = ReReviewEntries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct().ToList();
    }

    public static string FormatTime(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A 北京时间 wall-clock time as written in the editor (datetime-local) or a file.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset instant)
    {
        instant = default;
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2100)
        {
            return false;
        }
        instant = ChinaTime.At(local.Year, local.Month, local.Day, local.Hour, local.Minute);
        return true;
    }

    /// <summary>A time the validator has already accepted.</summary>
    public static DateTimeOffset ParseValidTime(string? text) =>
        TryParseTime(text, out var instant) ? instant.ToUniversalTime() : throw new FormatException($"Not a validated time: '{text}'.");

    public static bool TryParseCount(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>The definition a stored round was made from, for the editor and for copying.</summary>
    public static RoundDefinition Of(Campaign campaign) => new()
    {
        Organiser = campaign.Organiser?.Name,
        Programme = campaign.Programme.ToString(),
        Year = campaign.Year.ToString(CultureInfo.InvariantCulture),
        Name = campaign.Name,
        FormEdition = campaign.FormEditionKey,
        OpensAt = FormatTime(campaign.OpensAt),
        ClosesAt = FormatTime(campaign.ClosesAt),
        NoticeNumber = campaign.OfficialNotice,
        OfficialDeadline = campaign.OfficialDeadline,
        ApplicantLevel = campaign.ApplicantLevel.ToString(),
        Stages = campaign.Stages.OrderBy(s => s.Order).Select(s => new StageDefinition
        {
            Level = s.Level.ToString(),
            Name = s.Name,
            Deadline = s.Deadline is { } d ? FormatTime(d) : null,
            Quota = Text(s.Quota),
            SeparatelyPlannedCityQuota = Text(s.SpecialUnitQuota),
            BingtuanQuota = Text(s.BingtuanQuota),
        }).ToList(),
        RelaxedRegionClasses = [.. campaign.RelaxedRegionClasses],
        Relaxations = campaign.Relaxations.OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(r => r.Key, r => (string?)r.Value.ToString(CultureInfo.InvariantCulture)),
        IntroMaxChars = campaign.IntroMaxChars.ToString(CultureInfo.InvariantCulture),
        ReReviewEntries = campaign.ReReviewEntryIds.Select(id => id.ToString()).ToList(),
    };

    /// <summary>
    /// Next year's draft: year, title and every time moved on by one year; the form edition is the programme's edition
    /// for that year when the catalogue has one (otherwise the organiser must pick, and the validator says so).
    /// </summary>
    public static RoundDefinition NextYearOf(Campaign campaign, IEnumerable<(string Key, string Programme, int RoundYear)> editions)
    {
        var next = Of(campaign);
        var year = campaign.Year + 1;
        next.Year = year.ToString(CultureInfo.InvariantCulture);
        next.Name = campaign.Name.Replace(campaign.Year.ToString(CultureInfo.InvariantCulture), next.Year, StringComparison.Ordinal);
        next.OpensAt = FormatTime(campaign.OpensAt.AddYears(1));
        next.ClosesAt = FormatTime(campaign.ClosesAt.AddYears(1));
        next.NoticeNumber = null;
        // Next year's due entries are others: a copy starts as an ordinary round.
        next.ReReviewEntries = [];
        next.OfficialDeadline = null;
        next.FormEdition = editions.FirstOrDefault(e => e.Programme == campaign.Programme.ToString() && e.RoundYear == year).Key
            ?? campaign.FormEditionKey;
        foreach (var (stage, original) in next.Stages.Zip(campaign.Stages.OrderBy(s => s.Order)))
        {
            stage.Deadline = original.Deadline is { } d ? FormatTime(d.AddYears(1)) : null;
        }
        return next;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lets a JSON file write numbers as numbers where the definition holds text.</summary>
    private sealed class NumberAsTextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => reader.GetString(),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>One level of the review chain as written: level, name, deadline and quotas per kind of reviewing unit.</summary>
public sealed class StageDefinition
{
    public string? Level { get; set; }
    public string? Name { get; set; }
    public string? Deadline { get; set; }

    /// <summary>Per 省/自治区/直辖市 — or per 地州 at a prefecture-level stage of a provincial round.</summary>
    public string? Quota { get; set; }
    public string? SeparatelyPlannedCityQuota { get; set; }
    public string? BingtuanQuota { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Level) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Deadline)
        && string.IsNullOrWhiteSpace(Quota) && string.IsNullOrWhiteSpace(SeparatelyPlannedCityQuota) && string.IsNullOrWhiteSpace(BingtuanQuota);

    public static bool TryParseLevel(string? text, out OrganisationLevel level) =>
        Enum.TryParse(text?.Trim(), ignoreCase: false, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);
}
