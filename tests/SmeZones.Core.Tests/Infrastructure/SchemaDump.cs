using Npgsql;

namespace SmeZones.Core.Tests.Infrastructure;

/// <summary>
/// The public schema of a database as sorted text lines, one fact per line, so two schemas compare as sets of lines
/// and a difference reads as the exact facts that differ. <c>__EFMigrationsHistory</c> is left out.
/// </summary>
internal static class SchemaDump
{
    private const string Tables = """
        SELECT 'table ' || c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '__EFMigrationsHistory'
        """;

    private const string Columns = """
        SELECT format('column %s.%s type=%s udt=%s max_length=%s nullable=%s default=%s identity=%s generated=%s collation=%s',
                      c.table_name, c.column_name, c.data_type, c.udt_name,
                      coalesce(c.character_maximum_length::text, '-'), c.is_nullable, coalesce(c.column_default, '-'),
                      CASE WHEN c.is_identity = 'YES' THEN c.identity_generation ELSE 'NO' END,
                      coalesce(nullif(c.is_generated, 'NEVER') || ' ' || c.generation_expression, 'NEVER'),
                      coalesce(c.collation_name, '-'))
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '__EFMigrationsHistory'
        """;

    // Primary keys, foreign keys, unique and check constraints, with their columns in key order.
    private const string Constraints = """
        SELECT CASE con.contype
                   WHEN 'p' THEN 'primary key '
                   WHEN 'f' THEN 'foreign key '
                   WHEN 'u' THEN 'unique constraint '
                   WHEN 'c' THEN 'check constraint '
                   ELSE 'constraint (' || con.contype::text || ') '
               END
               || cl.relname || '.' || con.conname
               || ' (' || coalesce((SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum), '') || ')'
               || CASE WHEN con.contype = 'f' THEN
                      ' references ' || ref.relname
                      || ' (' || (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                                  FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) || ')'
                      || ' on delete ' || CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                              WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
                      || ' on update ' || CASE con.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                              WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
                      || CASE WHEN con.condeferrable THEN ' deferrable' ELSE '' END
                  ELSE '' END
               || CASE WHEN con.contype NOT IN ('p', 'f', 'u') THEN ' ' || pg_get_constraintdef(con.oid) ELSE '' END
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        LEFT JOIN pg_class ref ON ref.oid = con.confrelid
        WHERE n.nspname = 'public' AND cl.relname <> '__EFMigrationsHistory'
        """;

    // Every index, including those behind primary keys: name, columns, uniqueness and the full definition
    // (method, INCLUDE columns, filter).
    private const string Indexes = """
        SELECT 'index ' || t.relname || '.' || i.relname
               || ' (' || (SELECT string_agg(pg_get_indexdef(ix.indexrelid, k, true), ', ' ORDER BY k)
                           FROM generate_series(1, ix.indnkeyatts) AS k) || ')'
               || CASE WHEN ix.indisunique THEN ' unique' ELSE ' non-unique' END
               || CASE WHEN ix.indisprimary THEN ' primary' ELSE '' END
               || ' :: ' || pg_get_indexdef(ix.indexrelid)
        FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '__EFMigrationsHistory'
        """;

    // What migrations add beyond the model: triggers and functions. Not part of the model comparison.
    private const string TriggersAndFunctions = """
        SELECT 'trigger ' || c.relname || '.' || tg.tgname || ' :: ' || pg_get_triggerdef(tg.oid)
        FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT tg.tgisinternal
        UNION ALL
        SELECT 'function ' || p.proname || ' :: ' || md5(pg_get_functiondef(p.oid))
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
        """;

    /// <summary>Tables, columns, keys, constraints and indexes: what the EF model describes.</summary>
    public static Task<List<string>> ModelSchemaAsync(string connectionString) =>
        ReadAsync(connectionString, Tables, Columns, Constraints, Indexes);

    /// <summary>Triggers and functions in the public schema.</summary>
    public static Task<List<string>> TriggersAndFunctionsAsync(string connectionString) =>
        ReadAsync(connectionString, TriggersAndFunctions);

    /// <summary>Fails with the lines only in one or the other, so the message names every difference.</summary>
    public static void AssertSame(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual, string expectedLabel, string actualLabel)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            Assert.Fail(
                $"Schemas differ ({missing.Count} line(s) only in {expectedLabel}, {extra.Count} only in {actualLabel}):\n"
                + string.Concat(missing.Select(l => $"- [{expectedLabel}] {l}\n"))
                + string.Concat(extra.Select(l => $"+ [{actualLabel}] {l}\n")));
        }

        Assert.Equal(expected, actual); // same multiset too, in case a line occurs twice on one side
    }

    private static async Task<List<string>> ReadAsync(string connectionString, params string[] queries)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
