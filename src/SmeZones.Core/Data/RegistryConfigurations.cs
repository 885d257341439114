using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Organisations;
using SmeZones.Core.Registry;

namespace SmeZones.Core.Data;

internal sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> b)
    {
        b.HasIndex(e => e.CertificateNumber).IsUnique();
        b.HasIndex(e => e.ApplicationId).IsUnique();
        b.HasIndex(e => new { e.ProvincialUnitCode, e.Status });
        b.HasIndex(e => new { e.Status, e.ValidUntil });
        b.HasIndex(e => e.OrganisationId);
        b.Property(e => e.CertificateNumber).HasMaxLength(RegistryLimits.CertificateNumber);
        b.Property(e => e.Name).HasMaxLength(RegistryLimits.Name);
        b.Property(e => e.RegionCode).HasMaxLength(6);
        b.Property(e => e.PrefectureCode).HasMaxLength(6);
        b.Property(e => e.ProvincialUnitCode).HasMaxLength(6);
        b.Property(e => e.OperatorName).HasMaxLength(RegistryLimits.Name);
        b.Property(e => e.SpatialArea).HasMaxLength(RegistryLimits.SpatialArea);
        b.Property(e => e.RevocationGrounds).HasMaxLength(20);
        b.Property(e => e.EndReason).HasMaxLength(RegistryLimits.Reason);
        b.Property(e => e.Version).IsRowVersion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistryChangeConfiguration : IEntityTypeConfiguration<RegistryChange>
{
    public void Configure(EntityTypeBuilder<RegistryChange> b)
    {
        b.HasIndex(c => c.EntryId);
        b.Property(c => c.Field).HasMaxLength(20);
        b.Property(c => c.OldValue).HasMaxLength(RegistryLimits.SpatialArea);
        b.Property(c => c.NewValue).HasMaxLength(RegistryLimits.SpatialArea);
        b.Property(c => c.ChangedBy).HasMaxLength(256);
        b.Property(c => c.Reason).HasMaxLength(RegistryLimits.Reason + 1000);
        b.HasOne<RegistryEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistryRequestConfiguration : IEntityTypeConfiguration<RegistryRequest>
{
    public void Configure(EntityTypeBuilder<RegistryRequest> b)
    {
        // One open request per entry, enforced where two applicants filing at once cannot get round it.
        b.HasIndex(r => r.EntryId).IsUnique().HasFilter("\"Status\" IN (0, 1)").HasDatabaseName("IX_RegistryRequests_EntryId_Open");
        b.HasIndex(r => new { r.Status, r.FiledAt });
        b.Property(r => r.NewValue).HasMaxLength(RegistryLimits.SpatialArea);
        b.Property(r => r.Reason).HasMaxLength(RegistryLimits.Reason);
        b.Property(r => r.ProvinceComment).HasMaxLength(RegistryLimits.Comment);
        b.Property(r => r.MinistryComment).HasMaxLength(RegistryLimits.Comment);
        b.Property(r => r.EvidenceFileName).HasMaxLength(255);
        b.Property(r => r.EvidenceContentType).HasMaxLength(100);
        b.Property(r => r.EvidenceSha256).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne<RegistryEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        // One report per entry and year, held where two holders starting at once cannot get round it.
        b.HasIndex(r => new { r.EntryId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.Status, r.Year });
        b.Property(r => r.FormEditionKey).HasMaxLength(64);
        b.Property(r => r.Answers).HasColumnType("jsonb");
        b.Property(r => r.ProvinceComment).HasMaxLength(RegistryLimits.Comment);
        b.Property(r => r.MinistryComment).HasMaxLength(RegistryLimits.Comment);
        b.Property(r => r.EvidenceFileName).HasMaxLength(255);
        b.Property(r => r.EvidenceContentType).HasMaxLength(100);
        b.Property(r => r.EvidenceSha256).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne<RegistryEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualReportSubmissionConfiguration : IEntityTypeConfiguration<AnnualReportSubmission>
{
    public void Configure(EntityTypeBuilder<AnnualReportSubmission> b)
    {
        b.HasIndex(s => new { s.ReportId, s.Sequence }).IsUnique();
        b.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasOne<AnnualReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnualReportNoticeConfiguration : IEntityTypeConfiguration<AnnualReportNotice>
{
    public void Configure(EntityTypeBuilder<AnnualReportNotice> b)
    {
        // Once per entry, year and kind: a second run, or a second instance, inserts nothing and sends nothing.
        b.HasIndex(n => new { n.EntryId, n.Year, n.Kind }).IsUnique();
        b.Property(n => n.Kind).HasMaxLength(20);
        b.HasOne<RegistryEntry>().WithMany().HasForeignKey(n => n.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
