using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Applications;
using SmeZones.Core.Audit;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Regions;

namespace SmeZones.Core.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6);
        b.Property(r => r.Name).HasMaxLength(64);
        b.Property(r => r.ParentCode).HasMaxLength(6);
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(128);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.RegionCode).HasMaxLength(6);
        b.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(64);
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.Property(h => h.PasswordHash).HasMaxLength(256);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.UserId, h.CreatedAt });
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Name).HasMaxLength(128);
        b.Property(c => c.FormEditionKey).HasMaxLength(64);
        b.Property(c => c.CriteriaEditionKey).HasMaxLength(64);
        b.Property(c => c.OfficialDeadline).HasMaxLength(256);
        b.Property(c => c.OfficialNotice).HasMaxLength(256);
        b.HasOne(c => c.Organiser).WithMany().HasForeignKey(c => c.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Relaxations).HasColumnType("jsonb");
        b.Property(c => c.RelaxedRegionClasses).HasColumnType("jsonb");
        b.Property(c => c.ReReviewEntryIds).HasColumnType("jsonb");
        // One round in progress per organiser, programme and year, held by the database so two officers publishing at
        // once cannot both succeed (2 = CampaignStatus.Published).
        b.HasIndex(c => new { c.OrganiserId, c.Programme, c.Year }).IsUnique()
            .HasFilter($"\"Status\" = {(int)CampaignStatus.Published}").HasDatabaseName(RoundSetup.OneOpenRoundIndex);
    }
}

internal sealed class ApplicationNumberCounterConfiguration : IEntityTypeConfiguration<ApplicationNumberCounter>
{
    public void Configure(EntityTypeBuilder<ApplicationNumberCounter> b)
    {
        b.HasKey(c => new { c.Programme, c.Year });
    }
}

internal sealed class CampaignNoticeConfiguration : IEntityTypeConfiguration<CampaignNotice>
{
    public void Configure(EntityTypeBuilder<CampaignNotice> b)
    {
        b.HasKey(n => n.CampaignId);
        b.Property(n => n.FileName).HasMaxLength(255);
        b.Property(n => n.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<Campaign>().WithOne().HasForeignKey<CampaignNotice>(n => n.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewStageConfiguration : IEntityTypeConfiguration<ReviewStage>
{
    public void Configure(EntityTypeBuilder<ReviewStage> b)
    {
        b.HasKey(s => new { s.CampaignId, s.Order });
        b.Property(s => s.Name).HasMaxLength(64);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(a => a.Number).HasMaxLength(32);
        b.HasIndex(a => a.Number).IsUnique();
        b.Property(a => a.RegionCode).HasMaxLength(6);
        b.Property(a => a.PrefectureCode).HasMaxLength(6);
        b.Property(a => a.ProvincialUnitCode).HasMaxLength(6);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.FormEditionKey).HasMaxLength(64);
        b.Property(a => a.Answers).HasColumnType("jsonb");
        b.Property(a => a.SummaryPartners).HasMaxLength(200);
        b.Property(a => a.SummaryIntro).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne(a => a.Campaign).WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CampaignId, a.ProvincialUnitCode });
        b.HasIndex(a => new { a.CampaignId, a.PrefectureCode });
        b.HasIndex(a => a.OrganisationId);
        // One re-review application per entry and round, however often publishing is retried.
        b.HasIndex(a => new { a.CampaignId, a.ReReviewEntryId }).IsUnique().HasFilter("\"ReReviewEntryId\" IS NOT NULL");
        b.HasOne<Registry.RegistryEntry>().WithMany().HasForeignKey(a => a.ReReviewEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.Property(e => e.SlotKey).HasMaxLength(32);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne(e => e.Application).WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ApplicationId, e.SlotKey });
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b) => b.HasKey(c => c.EvidenceId);
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(s => new { s.ApplicationId, s.Sequence }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmissionSummaryConfiguration : IEntityTypeConfiguration<Review.SubmissionSummary>
{
    public void Configure(EntityTypeBuilder<Review.SubmissionSummary> b)
    {
        b.HasKey(s => s.SubmissionId);
        b.Property(s => s.SuggestedTotal).HasPrecision(6, 1);
        // The lists join each application's latest summary: (application, sequence) finds it by index.
        b.HasIndex(s => new { s.ApplicationId, s.Sequence }).IsUnique();
        b.HasOne<Submission>().WithOne().HasForeignKey<Review.SubmissionSummary>(s => s.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.Details).HasColumnType("jsonb");
        // Written by the insert trigger (the chain, ADR 0006): EF sends none of these and reads them back.
        b.Property(e => e.OccurredAt).ValueGeneratedOnAdd();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().ValueGeneratedOnAdd();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired().ValueGeneratedOnAdd();
        // Entity id first: an application's history asks for the events of several entities by id alone (InboxHistory).
        b.HasIndex(e => new { e.EntityId, e.EntityType });
        b.HasIndex(e => e.OccurredAt);
    }
}

/// <summary>The data-protection package's key row, kept in the table and columns the portal has always used.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(k => k.FriendlyName).HasMaxLength(256);
        b.Property(k => k.Xml).IsRequired();
    }
}
