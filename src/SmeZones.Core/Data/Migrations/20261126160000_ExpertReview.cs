using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SmeZones.Core.Data.Migrations;

/// <summary>
/// The ministry's expert review: the expert pool (专家库), the round's expert-review settings, recorded random draws
/// and the review groups with each expert's score sheet. To be regenerated with dotnet ef at merge.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261126160000_ExpertReview")]
public sealed class ExpertReview : Migration
{
    private static readonly string[] Tables = ["ExpertAssignments", "ExpertDraws", "ExpertReviewSettings", "ExpertProfiles"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ExpertProfiles" (
                "UserId" uuid NOT NULL,
                "WorkUnit" character varying(200) NOT NULL,
                "ProvincialUnitCode" character varying(6) NOT NULL,
                "Fields" jsonb NOT NULL,
                "IsActive" boolean NOT NULL,
                "UpdatedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ExpertProfiles" PRIMARY KEY ("UserId"),
                CONSTRAINT "FK_ExpertProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ExpertReviewSettings" (
                "CampaignId" integer NOT NULL,
                "ExpertsPerApplication" integer NOT NULL,
                "ReservesPerApplication" integer NOT NULL,
                "SpreadThreshold" numeric(5,1) NOT NULL,
                "HideScoresUntilSubmitted" boolean NOT NULL,
                "UpdatedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ExpertReviewSettings" PRIMARY KEY ("CampaignId"),
                CONSTRAINT "FK_ExpertReviewSettings_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "ExpertDraws" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "Seed" bigint NOT NULL,
                "Field" character varying(30),
                "Candidates" jsonb NOT NULL,
                "Drawn" jsonb NOT NULL,
                "Members" integer NOT NULL,
                "Reserves" integer NOT NULL,
                "DrawnById" uuid NOT NULL,
                "DrawnAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ExpertDraws" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_ExpertDraws_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT
            );

            CREATE TABLE "ExpertAssignments" (
                "Id" uuid NOT NULL,
                "ApplicationId" uuid NOT NULL,
                "CampaignId" integer NOT NULL,
                "ExpertId" uuid NOT NULL,
                "IsReserve" boolean NOT NULL,
                "Position" integer NOT NULL,
                "Status" integer NOT NULL,
                "DrawId" uuid,
                "ConflictOverrideReason" character varying(500),
                "RecusalReason" character varying(500),
                "AssignedAt" timestamp with time zone NOT NULL,
                "ConfirmedAt" timestamp with time zone,
                "Points" jsonb NOT NULL,
                "Judgements" jsonb NOT NULL,
                "Comments" jsonb NOT NULL,
                "Opinion" character varying(2000),
                "Abstained" boolean NOT NULL,
                "AbstainReason" character varying(500),
                "SubmittedAt" timestamp with time zone,
                "UpdatedAt" timestamp with time zone NOT NULL,
                CONSTRAINT "PK_ExpertAssignments" PRIMARY KEY ("Id"),
                CONSTRAINT "FK_ExpertAssignments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ExpertAssignments_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ExpertAssignments_AspNetUsers_ExpertId" FOREIGN KEY ("ExpertId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_ExpertAssignments_ExpertDraws_DrawId" FOREIGN KEY ("DrawId") REFERENCES "ExpertDraws" ("Id") ON DELETE RESTRICT
            );

            CREATE INDEX "IX_ExpertDraws_ApplicationId" ON "ExpertDraws" ("ApplicationId");
            CREATE UNIQUE INDEX "IX_ExpertAssignments_ApplicationId_ExpertId" ON "ExpertAssignments" ("ApplicationId", "ExpertId");
            CREATE INDEX "IX_ExpertAssignments_CampaignId" ON "ExpertAssignments" ("CampaignId");
            CREATE INDEX "IX_ExpertAssignments_DrawId" ON "ExpertAssignments" ("DrawId");
            CREATE INDEX "IX_ExpertAssignments_ExpertId" ON "ExpertAssignments" ("ExpertId");
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
