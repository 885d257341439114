using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Tests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A registry entry held by the organisation (in its region), uniquely named and numbered, as an imported entry is
    /// stored (no round or application) unless a round is given, with its "列入名录" history line.
    /// </summary>
    public async Task<RegistryEntry> CreateRegistryEntryAsync(Organisation holder, Programme programme = Programme.Zone,
        DateOnly? certifiedOn = null, DateOnly? validUntil = null, RegistryStatus status = RegistryStatus.Valid, Campaign? round = null)
    {
        var jurisdiction = Jurisdiction.Of(holder.RegionCode!);
        var on = certifiedOn ?? new DateOnly(2025, 6, 30);
        var tag = Unique();
        var entry = new RegistryEntry
        {
            Id = Guid.NewGuid(), CertificateNumber = $"测试〔2025〕{tag}号", Programme = programme, Name = $"测试合作区{tag}",
            RegionCode = jurisdiction.RegionCode, PrefectureCode = jurisdiction.PrefectureCode, ProvincialUnitCode = jurisdiction.ProvincialUnitCode,
            OperatorName = $"测试运营公司{tag}", OrganisationId = holder.Id, CampaignId = round?.Id, CertifiedOn = on,
            ValidUntil = validUntil ?? new DateOnly(on.Year + 4, 12, 31), Status = status, CreatedAt = host.Clock.GetUtcNow(),
        };
        await using var db = host.NewDbContext();
        db.RegistryEntries.Add(entry);
        RegistryLifecycle.History(db, entry, RegistryFields.Created, null, entry.CertificateNumber, on, Actor.System, host.Clock.GetUtcNow(), "测试数据");
        await db.SaveChangesAsync();
        return entry;
    }
}
