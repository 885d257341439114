using Microsoft.EntityFrameworkCore;

namespace SmeZones.Core.Data;

public static class PortalDatabase
{
    /// <summary>The one way the app, the admin verbs and the tests connect, so they map JSON the same way.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(ds =>
        {
            ds.EnableDynamicJson();
            // Prepared statements (ADR 0088): planning the draft's read cost PostgreSQL more than running it.
            // A statement run twice on a connection is prepared there and later runs skip parse and plan.
            // The pool does not reset a returned connection (DISCARD ALL would drop them, and the portal
            // keeps no session state: no SET, temporary tables, LISTEN or session advisory locks).
            var settings = ds.ConnectionStringBuilder;
            settings.MaxAutoPrepare = Math.Max(settings.MaxAutoPrepare, 100);
            settings.AutoPrepareMinUsages = Math.Min(settings.AutoPrepareMinUsages, 2);
            settings.NoResetOnClose = true;
        }));

    public static PortalDbContext Create(string connectionString) =>
        new(((DbContextOptionsBuilder<PortalDbContext>)new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(connectionString)).Options);
}
