using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BingtuanQuota",
                table: "ReviewStages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Deadline",
                table: "ReviewStages",
                type: "timestamp with time zone",
                nullable: true);

            // Edited by hand: existing rounds keep the 300字 简介 and stay published with their closing time as published;
            // then the columns keep no default, as the model says.
            migrationBuilder.AddColumn<int>(
                name: "IntroMaxChars",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 300);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedClosesAt",
                table: "Campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.Sql("""
                ALTER TABLE "Campaigns" ALTER COLUMN "IntroMaxChars" DROP DEFAULT;
                ALTER TABLE "Campaigns" ALTER COLUMN "Status" DROP DEFAULT;
                UPDATE "Campaigns" SET "PublishedClosesAt" = "ClosesAt";
                """);

            migrationBuilder.CreateTable(
                name: "CampaignNotices",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignNotices", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_CampaignNotices_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignNotices");

            migrationBuilder.DropColumn(
                name: "BingtuanQuota",
                table: "ReviewStages");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "ReviewStages");

            migrationBuilder.DropColumn(
                name: "IntroMaxChars",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PublishedClosesAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Campaigns");
        }
    }
}
