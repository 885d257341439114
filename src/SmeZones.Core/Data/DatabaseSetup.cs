using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Data;

/// <summary>Brings a database to the current schema and reference data; safe to run on every start.</summary>
public static partial class DatabaseSetup
{
    /// <summary>Tables the portal only appends to and reads; their triggers refuse changes even to the owner.</summary>
    private static readonly string[] AppendOnlyTables = ["AuditEvents", "Submissions", "RegistryChanges", "AnnualReportSubmissions"];

    /// <summary>
    /// Migrates as the owner (<paramref name="db"/> connects as the role that owns the schema), loads the regions, and,
    /// when the portal connects as another role, grants that role exactly what the portal needs (ADR 0006).
    /// </summary>
    public static async Task MigrateAsync(PortalDbContext db, string? applicationRole = null, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await SyncRegionsAsync(db, ct);
        await SyncCalendarAsync(db, ct);
        // Submissions made before the stored summaries (ADR 0072) get theirs here: a C# assessment, not SQL.
        await Review.SubmissionSummaries.BackfillAsync(db, TimeProvider.System, ct);
        if (applicationRole is not null)
        {
            await GrantApplicationRightsAsync(db, applicationRole, ct);
        }
    }

    /// <summary>Adds the shipped official holiday arrangement for days the administrator has not set (their edits win).</summary>
    public static async Task SyncCalendarAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var known = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        db.CalendarDays.AddRange(Publication.OfficialCalendar.Days.Where(d => !known.Contains(d.Date))
            .Select(d => new Publication.CalendarDay { Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The role a connection string signs in as: the portal's own connection names the application role.</summary>
    public static string RoleOf(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Username
        ?? throw new InvalidOperationException("The connection string names no Username.");

    /// <summary>
    /// Read and write on the model's tables, only SELECT and INSERT on the append-only ones, nothing on the migration
    /// history; never ownership, TRUNCATE, REFERENCES or TRIGGER. Rewritten from scratch on every migrate.
    /// </summary>
    public static async Task GrantApplicationRightsAsync(PortalDbContext db, string role, CancellationToken ct = default)
    {
        if (!RoleName().IsMatch(role))
        {
            throw new ArgumentException($"Not a plain role name: {role}", nameof(role));
        }
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var sql = new List<string>
        {
            $"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM \"{role}\"",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM \"{role}\"",
            $"GRANT USAGE ON SCHEMA public TO \"{role}\"",
            // nextval only: identities and the audit chain's ids.
            $"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \"{role}\"",
        };
        // The scheduler's job store (Quartz.NET, ADR 0044): its own tables in their own schema, all read and written.
        sql.Add($"GRANT USAGE ON SCHEMA {QuartzSchema.Schema} TO \"{role}\"");
        sql.Add($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {QuartzSchema.Schema} TO \"{role}\"");
        sql.AddRange(tables.Select(t => AppendOnlyTables.Contains(t)
            ? $"GRANT SELECT, INSERT ON \"{t}\" TO \"{role}\""
            : $"GRANT SELECT, INSERT, UPDATE, DELETE ON \"{t}\" TO \"{role}\""));
        await db.Database.ExecuteSqlRawAsync(string.Join(";\n", sql), ct);
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

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
