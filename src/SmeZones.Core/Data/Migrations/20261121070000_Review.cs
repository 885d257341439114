using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmeZones.Core.Data.Migrations;

/// <summary>
/// The reviewing authority's work: reviews per stage, on-site checks, returns for revision, quota usage held by the
/// database, province reference figures and round relaxations; the applicant's 汇总表 fields.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121070000_Review")]
public sealed class Review : Migration
{
    private static readonly string[] Tables = ["SiteCheckAttachments", "SiteChecks", "StageReviews", "RevisionRequests", "QuotaUsages", "ProvinceReferenceFigures"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            -- Round settings the standards leave to the organiser; existing rounds start with none.
            ALTER TABLE "Campaigns" ADD "Relaxations" jsonb NOT NULL DEFAULT '{}';
            ALTER TABLE "Campaigns" ALTER COLUMN "Relaxations" DROP DEFAULT;
            ALTER TABLE "Campaigns" ADD "RelaxedRegionClasses" jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE "Campaigns" ALTER COLUMN "RelaxedRegionClasses" DROP DEFAULT;
            ALTER TABLE "Applications" ADD "SummaryPartners" character varying(200);
            ALTER TABLE "Applications" ADD "SummaryIntro" character varying(1000);

            CREATE TABLE "ProvinceReferenceFigures" (
                "CampaignId" integer NOT NULL,
                "RegionCode" character varying(6) NOT NULL,
                "FdiGrowthAverage" numeric(9,2),
                "ExportGrowthAverage" numeric(9,2),
                "Source" character varying(500),
                "EnteredById" uuid NOT NULL,
                "EnteredAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ProvinceReferenceFigures" PRIMARY KEY ("CampaignId", "RegionCode"),
                CONSTRAINT "FK_ProvinceReferenceFigures_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "QuotaUsages" (
                "CampaignId" integer NOT NULL,
                "StageOrder" integer NOT NULL,
                "OrganisationId" integer NOT NULL,
                "Limit" integer NOT NULL,
                "Used" integer NOT NULL,
                CONSTRAINT "PK_QuotaUsages" PRIMARY KEY ("CampaignId", "StageOrder", "OrganisationId"),
                CONSTRAINT "CK_QuotaUsages_within_limit" CHECK ("Used" >= 0 AND "Used" <= "Limit"),
                CONSTRAINT "FK_QuotaUsages_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_QuotaUsages_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "RevisionRequests" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "StageOrder" integer NOT NULL,
                "OrganisationId" integer NOT NULL,
                "SectionComments" jsonb NOT NULL,
                "GeneralComment" character varying(2000),
                "ReturnedAt" timestamp with time zone NOT NULL,
                "ReturnedById" uuid NOT NULL,
                "ReturnedSubmissionSequence" integer NOT NULL,
                "ResolvedAt" timestamp with time zone,
                CONSTRAINT "PK_RevisionRequests" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_RevisionRequests_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "SiteChecks" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "StageOrder" integer NOT NULL,
                "OrganisationId" integer NOT NULL,
                "CheckedOn" date NOT NULL,
                "People" character varying(500) NOT NULL,
                "Findings" character varying(5000) NOT NULL,
                "CreatedById" uuid NOT NULL,
                "CreatedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_SiteChecks" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_SiteChecks_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "StageReviews" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "StageOrder" integer NOT NULL,
                "OrganisationId" integer NOT NULL,
                "Points" jsonb NOT NULL,
                "Comments" jsonb NOT NULL,
                "Judgements" jsonb NOT NULL,
                "Decision" integer NOT NULL,
                "DecisionReason" character varying(2000),
                "Opinion" character varying(2000),
                "DecidedAt" timestamp with time zone,
                "DecidedById" uuid,
                "SignedOffAt" timestamp with time zone,
                "SignedOffById" uuid,
                "SignedOffByName" character varying(256),
                "AssessmentJson" text,
                "UpdatedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_StageReviews" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_StageReviews_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_StageReviews_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "SiteCheckAttachments" (
                "Id" uuid NOT NULL,
                "SiteCheckId" uuid NOT NULL,
                "FileName" character varying(255) NOT NULL,
                "ContentType" character varying(100) NOT NULL,
                "SizeBytes" bigint NOT NULL,
                "Sha256" character(64) NOT NULL,
                "Bytes" bytea NOT NULL,
                "UploadedById" uuid NOT NULL,
                "UploadedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_SiteCheckAttachments" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_SiteCheckAttachments_SiteChecks_SiteCheckId" FOREIGN KEY ("SiteCheckId") REFERENCES "SiteChecks" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_QuotaUsages_OrganisationId" ON "QuotaUsages" ("OrganisationId");
            CREATE INDEX "IX_RevisionRequests_ApplicationId" ON "RevisionRequests" ("ApplicationId");
            CREATE INDEX "IX_SiteCheckAttachments_SiteCheckId" ON "SiteCheckAttachments" ("SiteCheckId");
            CREATE INDEX "IX_SiteChecks_ApplicationId" ON "SiteChecks" ("ApplicationId");
            CREATE UNIQUE INDEX "IX_StageReviews_ApplicationId_StageOrder" ON "StageReviews" ("ApplicationId", "StageOrder");
            CREATE INDEX "IX_StageReviews_OrganisationId" ON "StageReviews" ("OrganisationId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{table}\" CASCADE;");
        }
        migrationBuilder.Sql("""
            ALTER TABLE "Campaigns" DROP COLUMN "Relaxations";
            ALTER TABLE "Campaigns" DROP COLUMN "RelaxedRegionClasses";
            ALTER TABLE "Applications" DROP COLUMN "SummaryPartners";
            ALTER TABLE "Applications" DROP COLUMN "SummaryIntro";
            """);
    }
}
