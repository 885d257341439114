using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;

namespace SmeZones.Web.Pages.Rounds;

/// <summary>What organisers read instead of internal keys: the form's title and year, the standard's title.</summary>
public static class RoundNames
{
    public static string FormEdition(string key) =>
        FormEditionCatalogue.Default.TryGet(key, out var form) && form is not null ? $"{form.Title}（{form.RoundYear}年度版）" : key;

    public static string Criteria(string key) =>
        CriteriaEditions.All.FirstOrDefault(e => e.Key == key)?.Title ?? key;

    /// <summary>The form editions a round may use: those a criteria edition reads.</summary>
    public static IReadOnlyList<FormDefinition> UsableEditions() =>
        FormEditionCatalogue.Default.All.Where(f => CriteriaEditions.ForForm(f.Key).Count == 1).ToList();

    public static string Chain(Campaign campaign) =>
        string.Join(" → ", campaign.Stages.OrderBy(s => s.Order).Select(s => s.Name));
}
