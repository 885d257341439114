using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Edited by hand: existing rounds start with no relaxations, then the columns keep no default (as the
            // model says); the 汇总表 columns in the order the first release added them.
            migrationBuilder.AddColumn<Dictionary<string, decimal>>(
                name: "Relaxations",
                table: "Campaigns",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "RelaxedRegionClasses",
                table: "Campaigns",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.Sql("""
                ALTER TABLE "Campaigns" ALTER COLUMN "Relaxations" DROP DEFAULT;
                ALTER TABLE "Campaigns" ALTER COLUMN "RelaxedRegionClasses" DROP DEFAULT;
                """);

            migrationBuilder.AddColumn<string>(
                name: "SummaryPartners",
                table: "Applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryIntro",
                table: "Applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProvinceReferenceFigures",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FdiGrowthAverage = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    ExportGrowthAverage = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EnteredById = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceReferenceFigures", x => new { x.CampaignId, x.RegionCode });
                    table.ForeignKey(
                        name: "FK_ProvinceReferenceFigures_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuotaUsages",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    StageOrder = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Limit = table.Column<int>(type: "integer", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaUsages", x => new { x.CampaignId, x.StageOrder, x.OrganisationId });
                    table.CheckConstraint("CK_QuotaUsages_within_limit", "\"Used\" >= 0 AND \"Used\" <= \"Limit\"");
                    table.ForeignKey(
                        name: "FK_QuotaUsages_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuotaUsages_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevisionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageOrder = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    SectionComments = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    GeneralComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ReturnedSubmissionSequence = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisionRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageOrder = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    People = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Findings = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteChecks_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StageOrder = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<Dictionary<string, decimal>>(type: "jsonb", nullable: false),
                    Comments = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    Judgements = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffById = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOffByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssessmentJson = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageReviews_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageReviews_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteCheckAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteCheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteCheckAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteCheckAttachments_SiteChecks_SiteCheckId",
                        column: x => x.SiteCheckId,
                        principalTable: "SiteChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUsages_OrganisationId",
                table: "QuotaUsages",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionRequests_ApplicationId",
                table: "RevisionRequests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteCheckAttachments_SiteCheckId",
                table: "SiteCheckAttachments",
                column: "SiteCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteChecks_ApplicationId",
                table: "SiteChecks",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_StageReviews_ApplicationId_StageOrder",
                table: "StageReviews",
                columns: new[] { "ApplicationId", "StageOrder" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageReviews_OrganisationId",
                table: "StageReviews",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProvinceReferenceFigures");

            migrationBuilder.DropTable(
                name: "QuotaUsages");

            migrationBuilder.DropTable(
                name: "RevisionRequests");

            migrationBuilder.DropTable(
                name: "SiteCheckAttachments");

            migrationBuilder.DropTable(
                name: "StageReviews");

            migrationBuilder.DropTable(
                name: "SiteChecks");

            migrationBuilder.DropColumn(
                name: "Relaxations",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "RelaxedRegionClasses",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "SummaryIntro",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SummaryPartners",
                table: "Applications");
        }
    }
}
