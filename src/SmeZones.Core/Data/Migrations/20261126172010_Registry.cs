using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmeZones.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistryEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PrefectureCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ProvincialUnitCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SpatialArea = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevocationGrounds = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryChanges_RegistryEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RegistryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    NewValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledLate = table.Column<bool>(type: "boolean", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProvinceComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MinistryComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledById = table.Column<Guid>(type: "uuid", nullable: true),
                    ForwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvidenceFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    EvidenceBytes = table.Column<byte[]>(type: "bytea", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryRequests_RegistryEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RegistryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryChanges_EntryId",
                table: "RegistryChanges",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_ApplicationId",
                table: "RegistryEntries",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_CampaignId",
                table: "RegistryEntries",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_CertificateNumber",
                table: "RegistryEntries",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_OrganisationId",
                table: "RegistryEntries",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_ProvincialUnitCode_Status",
                table: "RegistryEntries",
                columns: new[] { "ProvincialUnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_Status_ValidUntil",
                table: "RegistryEntries",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryRequests_EntryId_Open",
                table: "RegistryRequests",
                column: "EntryId",
                unique: true,
                filter: "\"Status\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryRequests_Status_FiledAt",
                table: "RegistryRequests",
                columns: new[] { "Status", "FiledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistryChanges");

            migrationBuilder.DropTable(
                name: "RegistryRequests");

            migrationBuilder.DropTable(
                name: "RegistryEntries");
        }
    }
}
