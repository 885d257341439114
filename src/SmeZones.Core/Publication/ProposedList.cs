using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Applications;
using SmeZones.Core.Forms;
using SmeZones.Core.Audit;
using SmeZones.Core.Data;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Publication;

/// <summary>The ministry's choice for one ranked application, as the selection page posts it.</summary>
public sealed record SelectionInput(Guid ApplicationId, bool Selected, string? DepartureReason, string? Opinion, string? NotSelectedReason);

/// <summary>A ranked application beside what the ministry has chosen for it so far.</summary>
public sealed record SelectionRow(RankedApplication Ranked, Application Application, ListEntry? Entry);

/// <summary>
/// 建议名单: the ministry selects from the expert ranking. A choice that departs from the ranking (selecting one ranked
/// below an unselected one, or leaving out one ranked above a selected one) needs a reason; so does leaving one out.
/// </summary>
public static class ProposedList
{
    public const int MaxOpinion = 2000;
    public const int MaxReason = 1000;

    public static async Task<IReadOnlyList<SelectionRow>> RowsAsync(PortalDbContext db, int campaignId, CancellationToken ct = default)
    {
        var ranking = await ExpertRanking.ForCampaignAsync(db, campaignId, ct);
        var ids = ranking.Select(r => r.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Include(a => a.Organisation).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var entries = await db.ListEntries.AsNoTracking().Where(e => e.CampaignId == campaignId).ToDictionaryAsync(e => e.ApplicationId, ct);
        return ranking.Select(r => new SelectionRow(r, applications[r.ApplicationId], entries.GetValueOrDefault(r.ApplicationId))).ToList();
    }

    /// <summary>Which choices depart from the ranking: the input's application ids, in rank order.</summary>
    public static IReadOnlySet<Guid> Departures(IReadOnlyList<(int Rank, Guid Id, bool Selected)> choices)
    {
        var ordered = choices.OrderBy(c => c.Rank).ToList();
        var departures = new HashSet<Guid>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            if (c.Selected && ordered.Take(i).Any(above => !above.Selected))
            {
                departures.Add(c.Id);
            }
            if (!c.Selected && ordered.Skip(i + 1).Any(below => below.Selected))
            {
                departures.Add(c.Id);
            }
        }
        return departures;
    }

    public static async Task<IReadOnlyList<OperationError>> SaveAsync(
        PortalDbContext db, int campaignId, IReadOnlyList<SelectionInput> inputs, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var list = await db.PublicLists.SingleOrDefaultAsync(l => l.CampaignId == campaignId, ct);
        if (list?.IsPublished == true)
        {
            return [OperationError.ForRequest("建议名单已公示，不能再修改。")];
        }
        var rows = await RowsAsync(db, campaignId, ct);
        var byId = inputs.GroupBy(i => i.ApplicationId).ToDictionary(g => g.Key, g => g.Last());
        var choices = rows.Select(r => (r.Ranked.Rank, r.Ranked.ApplicationId, byId.GetValueOrDefault(r.Ranked.ApplicationId)?.Selected ?? false)).ToList();
        var departures = Departures(choices);
        var errors = new List<OperationError>();
        foreach (var row in rows)
        {
            var input = byId.GetValueOrDefault(row.Ranked.ApplicationId) ?? new SelectionInput(row.Ranked.ApplicationId, false, null, null, null);
            var key = row.Ranked.ApplicationId.ToString();
            Check(errors, $"opinion:{key}", input.Opinion, MaxOpinion, "请填写评审意见。", required: true);
            Check(errors, $"departure:{key}", input.DepartureReason, MaxReason, "该选择与专家评审排序不一致，请说明理由。", departures.Contains(row.Ranked.ApplicationId));
            Check(errors, $"notSelected:{key}", input.NotSelectedReason, MaxReason, "未列入建议名单的，请填写理由（认定后省级主管部门和申报单位可见）。", !input.Selected);
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (list is null)
        {
            list = new PublicList { CampaignId = campaignId };
            db.PublicLists.Add(list);
        }
        var existing = await db.ListEntries.Where(e => e.CampaignId == campaignId).ToDictionaryAsync(e => e.ApplicationId, ct);
        foreach (var row in rows)
        {
            var input = byId.GetValueOrDefault(row.Ranked.ApplicationId) ?? new SelectionInput(row.Ranked.ApplicationId, false, null, null, null);
            if (!existing.TryGetValue(row.Ranked.ApplicationId, out var entry))
            {
                entry = new ListEntry { Id = Guid.NewGuid(), CampaignId = campaignId, ApplicationId = row.Ranked.ApplicationId };
                db.ListEntries.Add(entry);
            }
            entry.Rank = row.Ranked.Rank;
            entry.Selected = input.Selected;
            entry.Opinion = Trim(input.Opinion);
            entry.DepartureReason = departures.Contains(row.Ranked.ApplicationId) ? Trim(input.DepartureReason) : null;
            entry.NotSelectedReason = input.Selected ? null : Trim(input.NotSelectedReason);
            entry.Name = row.Application.Title;
            entry.RegionName = RegionName(row.Application.RegionCode);
            entry.OperatorName = OperatorName(row.Application);
        }
        db.Record(actor, "ProposedListSaved", "Campaign", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"保存建议名单：列入 {inputs.Count(i => i.Selected)} 个",
            new { selected = inputs.Where(i => i.Selected).Select(i => i.ApplicationId), departures });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>所在地区 as the public reads it: 广东省佛山市南海区.</summary>
    public static string RegionName(string code)
    {
        var names = new List<string>();
        for (var region = RegionCatalogue.Instance.Find(code); region is not null; region = RegionCatalogue.Instance.Find(region.ParentCode))
        {
            names.Insert(0, region.Name);
        }
        return string.Concat(names);
    }

    /// <summary>运营管理机构 as the applicant named it (the edition's operator answers); the applicant authority where none is filled.</summary>
    public static string OperatorName(Application application)
    {
        var keys = FormEditionCatalogue.Default.TryGet(application.FormEditionKey, out var definition) ? definition!.Declared().OperatorAnswers ?? [] : [];
        var name = ApplicationTitle.FirstFilled(keys, application.Answers) ?? application.Organisation?.Name ?? "";
        return name.Length > 200 ? name[..200] : name;
    }

    private static void Check(List<OperationError> errors, string key, string? value, int max, string requiredMessage, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new OperationError(key, requiredMessage));
        }
        else if (value is { } v && v.Trim().Length > max)
        {
            errors.Add(new OperationError(key, $"不能超过 {max} 个字（现 {v.Trim().Length} 个）。"));
        }
    }

    internal static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
