using System.Diagnostics;
using Npgsql;

namespace SmeZones.Core.Tests.Data;

/// <summary>PostgreSQL's own client programs, for facts EF cannot state: the whole schema as pg_dump prints it.</summary>
internal static class PgTools
{
    /// <summary>
    /// The schema of a database as pg_dump writes it (tables, columns in order, defaults, constraints, indexes, functions,
    /// triggers, owners and grants), without the lines that differ between two dumps of the same schema.
    /// </summary>
    public static async Task<string> SchemaAsync(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Program("pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--schema-only", "-h", c.Host!, "-p", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", c.Username!, c.Database! })
        {
            start.ArgumentList.Add(arg);
        }
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed: {await error}");
        }
        // \restrict lines carry a random key, comments the tool's version: neither is schema.
        return string.Join('\n', (await output).Split('\n').Where(l => !l.StartsWith('\\') && !l.StartsWith("--", StringComparison.Ordinal)));
    }

    private static string Program(string name)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return bin ?? name;
    }
}
