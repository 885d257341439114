using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StageReviewGatesMet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "GatesMet",
                table: "StageReviews",
                type: "boolean",
                nullable: true);

            // The verdict of the assessments already kept: the flag as the stored compact camelCase JSON writes it
            // (AssessmentJson.Options), which is how the national list matched it before the column existed.
            migrationBuilder.Sql("""
                UPDATE "StageReviews" SET "GatesMet" = "AssessmentJson" LIKE '%"allGatesMet":true%' WHERE "AssessmentJson" IS NOT NULL;
                """);
            // The inbox's title order (InboxQuery: newest round first, then pinyin, then the number) read from an index
            // instead of sorting every visible title with ICU on each page. Written in SQL: EF's model has no per-column collation.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Applications_TitleOrder" ON "Applications" ("CampaignId" DESC, "Title" COLLATE "zh-Hans-CN-x-icu", "Number" COLLATE "C");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Applications_TitleOrder";""");

            migrationBuilder.DropColumn(
                name: "GatesMet",
                table: "StageReviews");
        }
    }
}
