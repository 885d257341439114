using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using AssessmentResult = SmeZones.Core.Assessment.Assessment;

namespace SmeZones.Core.Assessment;

/// <summary>A section page's application with the settings its self-check is made with, read in one statement.</summary>
public sealed record DraftForPage(Application Application, AssessmentSettings Settings);

/// <summary>What a section page derives from the saved answers alone: the section list's progress and the self-check.</summary>
/// <param name="Suggestions">The figures the form computes from the saved answers (shown beside the officer's own).</param>
public sealed record DraftDerivations(IReadOnlyList<SectionProgress> Progress, AssessmentResult? SelfCheck, IReadOnlyList<FormSuggestion> Suggestions);

/// <summary>
/// The section pages' derivations (ADRs 0069, 0073); <see cref="DraftRead"/> reads the draft. The progress and the self-check depend only on the saved answers (the row version, xmin,
/// which every write of the row moves), the form and criteria editions, the round year and the assessment settings;
/// they are kept in process under a key made of all of these, so a GET of another section of an unchanged draft does
/// not validate and assess the whole form again, and any change of an input is a different key (never a stale entry).
/// </summary>
public sealed class DraftSelfCheck(int capacity = DraftSelfCheck.DefaultCapacity) : IDisposable
{
    /// <summary>
    /// Drafts kept at most, one entry each (their latest version): an entry holds a whole assessment, tens of
    /// kilobytes, so the default bounds the cache at tens of megabytes.
    /// </summary>
    public const int DefaultCapacity = 1_000;

    // A cache of its own, so its size limit binds only these entries.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = capacity });

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);

    /// <summary>The progress and self-check of the draft as saved (not of what a refused post would show).</summary>
    public DraftDerivations For(DraftForPage draft, FormDefinition definition)
    {
        var application = draft.Application;
        var campaign = application.Campaign ?? throw new InvalidOperationException("Load the campaign with the application.");
        var key = new Key(application.Id, application.Version, definition.Key, campaign.CriteriaEditionKey, campaign.Year, Fingerprint(draft.Settings));
        // One entry per application, replaced when any input changes: a save's older versions are never kept.
        if (cache.TryGetValue(application.Id, out Entry? known) && known is not null && known.Key == key)
        {
            return known.Derivations;
        }
        var answers = new FormAnswers(application.Answers);
        var derived = new DraftDerivations(
            SectionProgressReport.For(definition, campaign.Year, answers),
            ApplicationAssessment.TryAssess(campaign, definition, answers, draft.Settings),
            FormComputations.Suggest(definition, campaign.Year, answers));
        cache.Set(application.Id, new Entry(key, derived), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return derived;
    }

    /// <summary>Entries held now (one per application at most).</summary>
    public int Entries => cache.Count;

    public void Dispose() => cache.Dispose();

    private sealed record Entry(Key Key, DraftDerivations Derivations);

    private sealed record Key(Guid ApplicationId, uint Version, string FormEdition, string CriteriaEdition, int Year, string Settings);

    /// <summary>Every setting the assessment reads, in a fixed order.</summary>
    private static string Fingerprint(AssessmentSettings s)
    {
        var text = new StringBuilder()
            .Append(s.ApplicantRegionClass).Append('|')
            .Append(s.ProvinceFdiGrowthAverage?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(s.ProvinceExportGrowthAverage?.ToString(CultureInfo.InvariantCulture)).Append('|')
            .AppendJoin(',', s.RelaxedClasses.Order()).Append('|');
        foreach (var (threshold, value) in s.Relaxations.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(threshold).Append('=').Append(value.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
        return text.ToString();
    }
}
