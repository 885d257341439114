using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubmissionSummaries",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Assessed = table.Column<bool>(type: "boolean", nullable: false),
                    AllGatesMet = table.Column<bool>(type: "boolean", nullable: false),
                    Met = table.Column<int>(type: "integer", nullable: false),
                    NotMet = table.Column<int>(type: "integer", nullable: false),
                    DataMissing = table.Column<int>(type: "integer", nullable: false),
                    ReviewerJudgement = table.Column<int>(type: "integer", nullable: false),
                    SuggestedTotal = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionSummaries", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_SubmissionSummaries_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmissionSummaries_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionSummaries_ApplicationId_Sequence",
                table: "SubmissionSummaries",
                columns: new[] { "ApplicationId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmissionSummaries");
        }
    }
}
