using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Data;
using SmeZones.Core.Publication;
using SmeZones.Core.Regions;
using SmeZones.Core.Registry;

namespace SmeZones.Web.Commands;

/// <summary>
/// A few 名录 entries for `make run`, as if imported from before the portal: a valid zone of 佛山, a 南海区 cluster
/// whose validity ends this year (near expiry), and a 昌吉市 cluster already 期满待复核. The 佛山 zone entered the portal
/// in the middle of last year, so it owes last year's 年度发展报告 in the portal (the browser journey files it).
/// </summary>
public static class DemoRegistry
{
    public static async Task SeedAsync(PortalDbContext db, DateTimeOffset now)
    {
        var year = Dates.Today(now).Year;
        var holders = await db.Organisations.Where(o => o.RegionCode == "440600" || o.RegionCode == "440605" || o.RegionCode == "652301")
            .ToDictionaryAsync(o => o.RegionCode!, o => o.Id);
        (string Number, Programme Programme, string Name, string Region, string Operator, DateOnly On, RegistryStatus Status, DateTimeOffset Entered)[] entries =
        [
            ($"合作区〔{year - 2}〕001号", Programme.Zone, "中德（佛山）中小企业合作区", "440600", "佛山中德工业服务区管理有限公司", new DateOnly(year - 2, 6, 30), RegistryStatus.Valid, ChinaTime.At(year - 1, 6, 30)),
            ($"集群〔{year - 2}〕015号", Programme.Cluster, "佛山市南海区智能家电产业集群", "440605", "南海区家电产业促进中心", new DateOnly(year - 2, 7, 15), RegistryStatus.Valid, now),
            ($"集群〔{year - 3}〕042号", Programme.Cluster, "昌吉市农副产品精深加工产业集群", "652301", "昌吉市产业集群发展服务中心", new DateOnly(year - 3, 7, 15), RegistryStatus.ExpiredAwaitingReview, now),
        ];
        foreach (var (number, programme, name, region, operatorName, on, status, entered) in entries)
        {
            var jurisdiction = Jurisdiction.Of(region);
            var entry = new RegistryEntry
            {
                Id = Guid.NewGuid(), CertificateNumber = number, Programme = programme, Name = name, RegionCode = jurisdiction.RegionCode,
                PrefectureCode = jurisdiction.PrefectureCode, ProvincialUnitCode = jurisdiction.ProvincialUnitCode, OperatorName = operatorName,
                OrganisationId = holders.GetValueOrDefault(region), CertifiedOn = on,
                ValidUntil = new DateOnly(on.Year + programme.ValidityYears() - 1, 12, 31), Status = status, CreatedAt = entered,
            };
            db.RegistryEntries.Add(entry);
            RegistryLifecycle.History(db, entry, RegistryFields.Created, null, number, on, Actor.System, now, "演示数据（门户上线前认定）");
        }
        await db.SaveChangesAsync();
    }
}
