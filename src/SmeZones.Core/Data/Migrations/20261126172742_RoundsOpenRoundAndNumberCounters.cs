using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoundsOpenRoundAndNumberCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Campaigns_OrganiserId",
                table: "Campaigns");

            migrationBuilder.CreateTable(
                name: "ApplicationNumberCounters",
                columns: table => new
                {
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationNumberCounters", x => new { x.Programme, x.Year });
                });

            // Numbers go on per programme and year from the highest any round of it has given.
            migrationBuilder.Sql("""
                INSERT INTO "ApplicationNumberCounters" ("Programme", "Year", "Last")
                SELECT "Programme", "Year", MAX("ApplicationCounter") FROM "Campaigns"
                GROUP BY "Programme", "Year" HAVING MAX("ApplicationCounter") > 0;
                """);

            migrationBuilder.DropColumn(
                name: "ApplicationCounter",
                table: "Campaigns");

            // Before the index: of an organiser's rounds of one programme and year in progress, the one closing last
            // stays; the others (closed demo rounds, in practice) are ended.
            migrationBuilder.Sql("""
                UPDATE "Campaigns" c SET "Status" = 3
                WHERE c."Status" = 2 AND EXISTS (
                    SELECT 1 FROM "Campaigns" o
                    WHERE o."Status" = 2 AND o."OrganiserId" = c."OrganiserId" AND o."Programme" = c."Programme" AND o."Year" = c."Year"
                      AND (o."ClosesAt", o."Id") > (c."ClosesAt", c."Id"));
                """);

            migrationBuilder.CreateIndex(
                name: "UX_Campaigns_OneOpenRound",
                table: "Campaigns",
                columns: new[] { "OrganiserId", "Programme", "Year" },
                unique: true,
                filter: "\"Status\" = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Campaigns_OneOpenRound",
                table: "Campaigns");

            migrationBuilder.AddColumn<int>(
                name: "ApplicationCounter",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "Campaigns" c SET "ApplicationCounter" = n."Last"
                FROM "ApplicationNumberCounters" n WHERE n."Programme" = c."Programme" AND n."Year" = c."Year";
                """);

            migrationBuilder.DropTable(
                name: "ApplicationNumberCounters");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_OrganiserId",
                table: "Campaigns",
                column: "OrganiserId");
        }
    }
}
