using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpertReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Candidates = table.Column<string>(type: "jsonb", nullable: false),
                    Drawn = table.Column<string>(type: "jsonb", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    Reserves = table.Column<int>(type: "integer", nullable: false),
                    DrawnById = table.Column<Guid>(type: "uuid", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertDraws_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProvincialUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Fields = table.Column<string>(type: "jsonb", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ExpertProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertReviewSettings",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ExpertsPerApplication = table.Column<int>(type: "integer", nullable: false),
                    ReservesPerApplication = table.Column<int>(type: "integer", nullable: false),
                    SpreadThreshold = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    HideScoresUntilSubmitted = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertReviewSettings", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_ExpertReviewSettings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ExpertId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsReserve = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DrawId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConflictOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Points = table.Column<Dictionary<string, decimal>>(type: "jsonb", nullable: false),
                    Judgements = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    Comments = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Abstained = table.Column<bool>(type: "boolean", nullable: false),
                    AbstainReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertAssignments_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertAssignments_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertAssignments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertAssignments_ExpertDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "ExpertDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_ApplicationId_ExpertId",
                table: "ExpertAssignments",
                columns: new[] { "ApplicationId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_CampaignId",
                table: "ExpertAssignments",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_DrawId",
                table: "ExpertAssignments",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssignments_ExpertId",
                table: "ExpertAssignments",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertDraws_ApplicationId",
                table: "ExpertDraws",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertAssignments");

            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropTable(
                name: "ExpertReviewSettings");

            migrationBuilder.DropTable(
                name: "ExpertDraws");
        }
    }
}
