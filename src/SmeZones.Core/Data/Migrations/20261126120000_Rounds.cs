using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmeZones.Core.Data.Migrations;

/// <summary>
/// Rounds in the browser: a round's state (existing rounds are published), the closing time as published, the 简介
/// length; each review stage's deadline and 兵团 quota; the notice PDF.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261126120000_Rounds")]
public sealed class Rounds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE "Campaigns" ADD "Status" integer NOT NULL DEFAULT 2;
            ALTER TABLE "Campaigns" ALTER COLUMN "Status" DROP DEFAULT;
            ALTER TABLE "Campaigns" ADD "PublishedClosesAt" timestamp with time zone;
            UPDATE "Campaigns" SET "PublishedClosesAt" = "ClosesAt";
            ALTER TABLE "Campaigns" ADD "IntroMaxChars" integer NOT NULL DEFAULT 300;
            ALTER TABLE "Campaigns" ALTER COLUMN "IntroMaxChars" DROP DEFAULT;
            ALTER TABLE "ReviewStages" ADD "Deadline" timestamp with time zone;
            ALTER TABLE "ReviewStages" ADD "BingtuanQuota" integer;

            CREATE TABLE "CampaignNotices" (
                "CampaignId" integer NOT NULL,
                "FileName" character varying(255) NOT NULL,
                "SizeBytes" bigint NOT NULL,
                "Sha256" character(64) NOT NULL,
                "Bytes" bytea NOT NULL,
                "UploadedById" uuid NOT NULL,
                "UploadedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_CampaignNotices" PRIMARY KEY ("CampaignId"),
                CONSTRAINT "FK_CampaignNotices_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
            );
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS "CampaignNotices";
            ALTER TABLE "ReviewStages" DROP COLUMN "BingtuanQuota";
            ALTER TABLE "ReviewStages" DROP COLUMN "Deadline";
            ALTER TABLE "Campaigns" DROP COLUMN "IntroMaxChars";
            ALTER TABLE "Campaigns" DROP COLUMN "PublishedClosesAt";
            ALTER TABLE "Campaigns" DROP COLUMN "Status";
            """);
    }
}
