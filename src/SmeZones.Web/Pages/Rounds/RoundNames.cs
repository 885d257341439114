using SmeZones.Core.Assessment;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Forms;
using SmeZones.Core.Regions;

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
        FormEditionCatalogue.Default.ApplicationForms.Where(f => CriteriaEditions.ForForm(f.Key).Count == 1).ToList();

    /// <summary>The criteria edition a form edition's round is assessed by, when the form is one a round may use.</summary>
    public static CriteriaEdition? CriteriaOf(string? formEdition) =>
        string.IsNullOrWhiteSpace(formEdition) ? null : CriteriaEditions.ForForm(formEdition.Trim()) is [var only] ? only : null;

    /// <summary>"每单位≤2；计划单列市≤1；兵团≤1", each kind of unit's quota as it applies, or "不限".</summary>
    public static string Quotas(ReviewStage stage) =>
        stage.Quota is null && stage.SpecialUnitQuota is null && stage.BingtuanQuota is null ? "不限"
            : string.Join("；", new[]
            {
                stage.Quota is { } q ? $"每单位≤{q}" : "每单位不限",
                stage.SpecialUnitQuota is { } s ? $"计划单列市≤{s}" : null,
                stage.BingtuanQuota is { } b ? $"兵团≤{b}" : null,
            }.OfType<string>());

    /// <summary>"西部：集群总产值（每年）放宽为30亿元", or "不放宽".</summary>
    public static string Relaxations(Campaign campaign)
    {
        var criteria = CriteriaEditions.All.FirstOrDefault(e => e.Key == campaign.CriteriaEditionKey);
        if (campaign.Relaxations.Count == 0 || campaign.RelaxedRegionClasses.Count == 0 || criteria is null)
        {
            return "不放宽";
        }
        var classes = string.Join("、", campaign.RelaxedRegionClasses.Select(c => Enum.TryParse<RegionClass>(c, out var rc) ? rc.ToDisplayName() : c));
        var values = campaign.Relaxations.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => criteria.Thresholds.FirstOrDefault(t => t.Key == r.Key) is { } t
            ? $"{t.Title}放宽为{r.Value:0.##}{t.Unit}（标准{t.Value:0.##}{t.Unit}）" : r.Key);
        return $"{classes}：{string.Join("；", values)}";
    }

    public static string Chain(Campaign campaign) =>
        string.Join(" → ", campaign.Stages.OrderBy(s => s.Order).Select(s => s.Name));
}
