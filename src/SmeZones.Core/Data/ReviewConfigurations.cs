using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Review;

namespace SmeZones.Core.Data;

internal sealed class ProvinceReferenceFiguresConfiguration : IEntityTypeConfiguration<ProvinceReferenceFigures>
{
    public void Configure(EntityTypeBuilder<ProvinceReferenceFigures> b)
    {
        b.HasKey(f => new { f.CampaignId, f.RegionCode });
        b.Property(f => f.RegionCode).HasMaxLength(6);
        b.Property(f => f.FdiGrowthAverage).HasPrecision(9, 2);
        b.Property(f => f.ExportGrowthAverage).HasPrecision(9, 2);
        b.Property(f => f.Source).HasMaxLength(500);
        b.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StageReviewConfiguration : IEntityTypeConfiguration<StageReview>
{
    public void Configure(EntityTypeBuilder<StageReview> b)
    {
        b.HasIndex(r => new { r.ApplicationId, r.StageOrder }).IsUnique();
        b.Property(r => r.Points).HasColumnType("jsonb");
        b.Property(r => r.Comments).HasColumnType("jsonb");
        b.Property(r => r.Judgements).HasColumnType("jsonb");
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.Property(r => r.Opinion).HasMaxLength(2000);
        b.Property(r => r.SignedOffByName).HasMaxLength(256);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SiteCheckConfiguration : IEntityTypeConfiguration<SiteCheck>
{
    public void Configure(EntityTypeBuilder<SiteCheck> b)
    {
        b.Property(c => c.People).HasMaxLength(500);
        b.Property(c => c.Findings).HasMaxLength(5000);
        b.HasIndex(c => c.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.SiteCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteCheckAttachmentConfiguration : IEntityTypeConfiguration<SiteCheckAttachment>
{
    public void Configure(EntityTypeBuilder<SiteCheckAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class RevisionRequestConfiguration : IEntityTypeConfiguration<RevisionRequest>
{
    public void Configure(EntityTypeBuilder<RevisionRequest> b)
    {
        b.Property(r => r.SectionComments).HasColumnType("jsonb");
        b.Property(r => r.GeneralComment).HasMaxLength(2000);
        b.HasIndex(r => r.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuotaUsageConfiguration : IEntityTypeConfiguration<QuotaUsage>
{
    public void Configure(EntityTypeBuilder<QuotaUsage> b)
    {
        b.HasKey(q => new { q.CampaignId, q.StageOrder, q.OrganisationId });
        b.ToTable(t => t.HasCheckConstraint("CK_QuotaUsages_within_limit", "\"Used\" >= 0 AND \"Used\" <= \"Limit\""));
        b.HasOne<Campaign>().WithMany().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
