using Microsoft.EntityFrameworkCore;

namespace SmeZones.Core.Data;

public static class PortalDatabase
{
    /// <summary>The one way the app, the admin verbs and the tests connect, so they map JSON the same way.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(ds => ds.EnableDynamicJson()));

    public static PortalDbContext Create(string connectionString) =>
        new(((DbContextOptionsBuilder<PortalDbContext>)new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(connectionString)).Options);
}
