using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Data;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Campaigns;

/// <summary>A reviewing level's deadline in a round, for the reviewers' pages.</summary>
public sealed record StageDeadline(int CampaignId, string StageName, DateTimeOffset Deadline)
{
    public string Text => $"本级审核截止时间：{ChinaTime.Format(Deadline)}";
}

public static class StageDeadlines
{
    /// <summary>The deadlines of the viewer's level in the given rounds, by round.</summary>
    public static async Task<IReadOnlyDictionary<int, StageDeadline>> ForLevelAsync(
        PortalDbContext db, OrganisationLevel level, IEnumerable<int> campaignIds, CancellationToken ct = default)
    {
        var ids = campaignIds.ToList();
        var stages = await db.ReviewStages.AsNoTracking()
            .Where(s => ids.Contains(s.CampaignId) && s.Level == level && s.Deadline != null)
            .Select(s => new StageDeadline(s.CampaignId, s.Name, s.Deadline!.Value)).ToListAsync(ct);
        return stages.GroupBy(s => s.CampaignId).ToDictionary(g => g.Key, g => g.First());
    }
}
