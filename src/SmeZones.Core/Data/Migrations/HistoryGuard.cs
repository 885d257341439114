using Microsoft.EntityFrameworkCore.Migrations;

namespace SmeZones.Core.Data.Migrations;

/// <summary>Makes tables append-only in the database itself, so no code path, admin or bug can rewrite history.</summary>
internal static class HistoryGuard
{
    public static void AddAppendOnlyTriggers(MigrationBuilder migrationBuilder, params string[] tables)
    {
        migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION refuse_change_of_history() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
            END $$;
            """);
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_history();
                CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_history();
                """);
        }
    }
}
