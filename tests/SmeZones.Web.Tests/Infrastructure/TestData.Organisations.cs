using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A new authority at the level, answering for the region (null only for the ministry), named after its region
    /// with a unique tag, e.g. "佛山市测试局3f2a9c1d".
    /// </summary>
    public async Task<Organisation> CreateOrganisationAsync(OrganisationLevel level, string? regionCode, string? name = null)
    {
        var regionName = regionCode is null ? "工业和信息化部" : RegionCatalogue.Instance.Find(regionCode)?.Name
            ?? throw new ArgumentException($"No region {regionCode}.", nameof(regionCode));
        var organisation = new Organisation
        {
            Name = name ?? $"{regionName}测试局{Unique()}", Level = level, RegionCode = regionCode, CreatedAt = host.Clock.GetUtcNow(),
        };
        await using var db = host.NewDbContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }
}
