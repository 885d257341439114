using Microsoft.EntityFrameworkCore;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Data;

/// <summary>Brings a database to the current schema and reference data; safe to run on every start.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await SyncRegionsAsync(db, ct);
        await SyncCalendarAsync(db, ct);
    }

    /// <summary>Adds the shipped official holiday arrangement for days the administrator has not set (their edits win).</summary>
    public static async Task SyncCalendarAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var known = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        db.CalendarDays.AddRange(Publication.OfficialCalendar.Days.Where(d => !known.Contains(d.Date))
            .Select(d => new Publication.CalendarDay { Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads the administrative divisions shipped with the code; existing rows are updated in place.</summary>
    public static async Task SyncRegionsAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        foreach (var region in RegionCatalogue.Instance.All)
        {
            if (existing.TryGetValue(region.Code, out var row))
            {
                row.Name = region.Name;
                row.Level = region.Level;
                row.ParentCode = region.ParentCode;
                row.Class = region.Class;
                row.IsProvincialUnit = region.IsProvincialUnit;
            }
            else
            {
                db.Regions.Add(new Region
                {
                    Code = region.Code, Name = region.Name, Level = region.Level, ParentCode = region.ParentCode,
                    Class = region.Class, IsProvincialUnit = region.IsProvincialUnit,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
