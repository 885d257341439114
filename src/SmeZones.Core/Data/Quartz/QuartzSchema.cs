namespace SmeZones.Core.Data;

/// <summary>The Quartz.NET job store's tables, in the <c>quartz</c> schema with the <c>qrtz_</c> prefix (ADR 0044).</summary>
public static class QuartzSchema
{
    public const string Schema = "quartz";
    public const string TablePrefix = "quartz.qrtz_";

    /// <summary>The DDL of one Quartz version, as shipped with the code; migrations run it by version, so it never changes under them.</summary>
    public static string Script(string version)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"SmeZones.Core.Data.Quartz.quartz-{version}-postgres.sql")
            ?? throw new InvalidOperationException($"No Quartz schema script for version {version}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
