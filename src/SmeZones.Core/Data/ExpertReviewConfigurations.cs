using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.ExpertReview;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Data;

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.WorkUnit).HasMaxLength(200);
        b.Property(p => p.ProvincialUnitCode).HasMaxLength(6);
        b.Property(p => p.Fields).HasColumnType("jsonb");
        b.HasOne<PortalUser>().WithOne().HasForeignKey<ExpertProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertReviewSettingsConfiguration : IEntityTypeConfiguration<ExpertReviewSettings>
{
    public void Configure(EntityTypeBuilder<ExpertReviewSettings> b)
    {
        b.HasKey(s => s.CampaignId);
        b.Property(s => s.SpreadThreshold).HasPrecision(5, 1);
        b.HasOne<Campaign>().WithOne().HasForeignKey<ExpertReviewSettings>(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> b)
    {
        b.HasIndex(a => new { a.ApplicationId, a.ExpertId }).IsUnique();
        b.HasIndex(a => a.ExpertId);
        b.HasIndex(a => a.CampaignId);
        b.Property(a => a.ConflictOverrideReason).HasMaxLength(500);
        b.Property(a => a.RecusalReason).HasMaxLength(500);
        b.Property(a => a.AbstainReason).HasMaxLength(500);
        b.Property(a => a.Opinion).HasMaxLength(2000);
        b.Property(a => a.Points).HasColumnType("jsonb");
        b.Property(a => a.Judgements).HasColumnType("jsonb");
        b.Property(a => a.Comments).HasColumnType("jsonb");
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne<Application>().WithMany(a => a.ExpertAssignments).HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ExpertDraw>().WithMany().HasForeignKey(a => a.DrawId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertDrawConfiguration : IEntityTypeConfiguration<ExpertDraw>
{
    public void Configure(EntityTypeBuilder<ExpertDraw> b)
    {
        b.HasIndex(d => d.ApplicationId);
        b.Property(d => d.Field).HasMaxLength(30);
        b.Property(d => d.Candidates).HasColumnType("jsonb");
        b.Property(d => d.Drawn).HasColumnType("jsonb");
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
