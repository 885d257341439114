using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReReviewRoundsAndEffectiveEndings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EndingStatus",
                table: "RegistryEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReReviewEntryIds",
                table: "Campaigns",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "ReReviewEntryId",
                table: "Applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CampaignId_ReReviewEntryId",
                table: "Applications",
                columns: new[] { "CampaignId", "ReReviewEntryId" },
                unique: true,
                filter: "\"ReReviewEntryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ReReviewEntryId",
                table: "Applications",
                column: "ReReviewEntryId");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_RegistryEntries_ReReviewEntryId",
                table: "Applications",
                column: "ReReviewEntryId",
                principalTable: "RegistryEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_RegistryEntries_ReReviewEntryId",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_CampaignId_ReReviewEntryId",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ReReviewEntryId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EndingStatus",
                table: "RegistryEntries");

            migrationBuilder.DropColumn(
                name: "ReReviewEntryIds",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReReviewEntryId",
                table: "Applications");
        }
    }
}
