using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmeZones.Core.Data.Migrations;

/// <summary>
/// The ministry's list: the working-day calendar, the 建议名单 and its 公示, objections with their files, 认定 and the
/// per-programme certificate number format. (Hand-written; regenerated with dotnet ef at merge.)
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261126150000_Publication")]
public sealed class Publication : Migration
{
    private static readonly string[] Tables = ["ObjectionFiles", "Objections", "Certifications", "ListEntries", "PublicLists", "ProgrammeListSettings", "CalendarDays"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "CalendarDays" (
                "Date" date NOT NULL,
                "IsWorkingDay" boolean NOT NULL,
                "Name" character varying(50) NOT NULL,
                CONSTRAINT "PK_CalendarDays" PRIMARY KEY ("Date")
            );

            CREATE TABLE "ProgrammeListSettings" (
                "Programme" integer NOT NULL,
                "CertificateNumberFormat" character varying(100) NOT NULL,
                CONSTRAINT "PK_ProgrammeListSettings" PRIMARY KEY ("Programme")
            );

            CREATE TABLE "PublicLists" (
                "CampaignId" integer NOT NULL,
                "Notice" character varying(5000),
                "WorkingDays" integer NOT NULL,
                "FirstDay" date,
                "LastDay" date,
                "PublishedAt" timestamp with time zone,
                "CertifiedAt" timestamp with time zone,
                "CertifiedOn" date,
                CONSTRAINT "PK_PublicLists" PRIMARY KEY ("CampaignId"),
                CONSTRAINT "FK_PublicLists_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ListEntries" (
                "Id" uuid NOT NULL,
                "CampaignId" integer NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "Rank" integer NOT NULL,
                "Selected" boolean NOT NULL,
                "DepartureReason" character varying(1000),
                "Opinion" character varying(2000),
                "NotSelectedReason" character varying(1000),
                "Name" character varying(200) NOT NULL,
                "RegionName" character varying(100) NOT NULL,
                "OperatorName" character varying(200) NOT NULL,
                "Outcome" integer NOT NULL,
                "OutcomeReason" character varying(1000),
                CONSTRAINT "PK_ListEntries" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_ListEntries_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ListEntries_PublicLists_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "PublicLists" ("CampaignId") ON DELETE CASCADE
            );

            CREATE TABLE "Objections" (
                "Id" uuid NOT NULL,
                "CampaignId" integer NOT NULL,
                "EntryId" uuid NOT NULL,
                "ReceiptNumber" character varying(30) NOT NULL,
                "SubmitterName" character varying(100) NOT NULL,
                "Contact" character varying(100) NOT NULL,
                "Text" character varying(2000) NOT NULL,
                "LodgedAt" timestamp with time zone NOT NULL,
                "Status" integer NOT NULL,
                "InvestigationNotes" character varying(5000),
                "ConclusionReason" character varying(2000),
                "ConcludedAt" timestamp with time zone,
                CONSTRAINT "PK_Objections" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_Objections_ListEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "ListEntries" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "ObjectionFiles" (
                "Id" uuid NOT NULL,
                "ObjectionId" uuid NOT NULL,
                "FromInvestigation" boolean NOT NULL,
                "FileName" character varying(255) NOT NULL,
                "ContentType" character varying(100) NOT NULL,
                "Sha256" character(64) NOT NULL,
                "Bytes" bytea NOT NULL,
                "UploadedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ObjectionFiles" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_ObjectionFiles_Objections_ObjectionId" FOREIGN KEY ("ObjectionId") REFERENCES "Objections" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "Certifications" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "CampaignId" integer NOT NULL,
                "CertificateNumber" character varying(100) NOT NULL,
                "CertifiedOn" date NOT NULL,
                "ValidUntil" date NOT NULL,
                "CreatedAt" timestamp with time zone NOT NULL,
                "CreatedById" uuid,
                CONSTRAINT "PK_Certifications" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_Certifications_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_Certifications_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT
            );

            CREATE UNIQUE INDEX "IX_ListEntries_ApplicationId" ON "ListEntries" ("ApplicationId");
            CREATE INDEX "IX_ListEntries_CampaignId" ON "ListEntries" ("CampaignId");
            CREATE INDEX "IX_Objections_CampaignId" ON "Objections" ("CampaignId");
            CREATE INDEX "IX_Objections_EntryId" ON "Objections" ("EntryId");
            CREATE UNIQUE INDEX "IX_Objections_ReceiptNumber" ON "Objections" ("ReceiptNumber");
            CREATE INDEX "IX_ObjectionFiles_ObjectionId" ON "ObjectionFiles" ("ObjectionId");
            CREATE UNIQUE INDEX "IX_Certifications_ApplicationId" ON "Certifications" ("ApplicationId");
            CREATE UNIQUE INDEX "IX_Certifications_CertificateNumber" ON "Certifications" ("CertificateNumber");
            CREATE INDEX "IX_Certifications_CampaignId" ON "Certifications" ("CampaignId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{table}\" CASCADE;");
        }
    }
}
