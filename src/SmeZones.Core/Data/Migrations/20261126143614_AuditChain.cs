using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            // Hand-written (ADR 0006). The digest of an entry: its content and the previous entry's hash, as jsonb text
            // (one canonical form, nulls kept apart from empty text) with the time in UTC, hashed with SHA-256.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_event_digest(e "AuditEvents") RETURNS character(64) LANGUAGE sql STABLE AS $$
                    SELECT encode(sha256(convert_to(jsonb_build_array(
                        e."PreviousHash", e."Id", to_char(e."OccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        e."UserId", e."UserName", e."OrganisationId", e."Action", e."EntityType", e."EntityId",
                        e."Summary", e."Details")::text, 'UTF8')), 'hex')
                $$;

                -- Entries written before the chain existed are chained in id order, keeping their recorded times.
                ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_append_only";
                DO $$
                DECLARE
                    e "AuditEvents";
                    previous character(64);
                BEGIN
                    FOR e IN SELECT * FROM "AuditEvents" ORDER BY "Id" LOOP
                        e."PreviousHash" := previous;
                        previous := audit_event_digest(e);
                        UPDATE "AuditEvents" SET "PreviousHash" = e."PreviousHash", "Hash" = previous WHERE "Id" = e."Id";
                    END LOOP;
                END $$;
                ALTER TABLE "AuditEvents" ENABLE TRIGGER "AuditEvents_append_only";
                ALTER TABLE "AuditEvents" ALTER COLUMN "Hash" SET NOT NULL;

                -- Every insert waits for the one before to commit, then takes the next id, the database's time and the
                -- newest hash: concurrent writers still make one chain, in id order. Client values are replaced.
                CREATE FUNCTION chain_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('AuditEvents chain'));
                    NEW."Id" := nextval(pg_get_serial_sequence('"AuditEvents"', 'Id'));
                    NEW."OccurredAt" := clock_timestamp();
                    NEW."PreviousHash" := (SELECT "Hash" FROM "AuditEvents" ORDER BY "Id" DESC LIMIT 1);
                    NEW."Hash" := audit_event_digest(NEW);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "AuditEvents_chain" BEFORE INSERT ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION chain_audit_event();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "AuditEvents_chain" ON "AuditEvents";
                DROP FUNCTION chain_audit_event();
                DROP FUNCTION audit_event_digest("AuditEvents");
                """);

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");
        }
    }
}
