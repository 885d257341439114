using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Applications;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Publication;

namespace SmeZones.Core.Data;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class PublicListConfiguration : IEntityTypeConfiguration<PublicList>
{
    public void Configure(EntityTypeBuilder<PublicList> b)
    {
        b.HasKey(l => l.CampaignId);
        b.Property(l => l.CampaignId).ValueGeneratedNever();
        b.Property(l => l.Notice).HasMaxLength(5000);
        b.Property(l => l.Version).IsRowVersion();
        b.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> b)
    {
        b.HasIndex(e => e.ApplicationId).IsUnique();
        b.HasIndex(e => e.CampaignId);
        b.Property(e => e.DepartureReason).HasMaxLength(1000);
        b.Property(e => e.Opinion).HasMaxLength(2000);
        b.Property(e => e.NotSelectedReason).HasMaxLength(1000);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.RegionName).HasMaxLength(100);
        b.Property(e => e.OperatorName).HasMaxLength(200);
        b.Property(e => e.OutcomeReason).HasMaxLength(1000);
        b.HasOne<PublicList>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.HasIndex(o => o.ReceiptNumber).IsUnique();
        b.HasIndex(o => o.CampaignId);
        b.HasIndex(o => o.EntryId);
        b.Property(o => o.ReceiptNumber).HasMaxLength(30);
        b.Property(o => o.SubmitterName).HasMaxLength(100);
        b.Property(o => o.Contact).HasMaxLength(100);
        b.Property(o => o.Text).HasMaxLength(2000);
        b.Property(o => o.InvestigationNotes).HasMaxLength(5000);
        b.Property(o => o.ConclusionReason).HasMaxLength(2000);
        b.Property(o => o.Version).IsRowVersion();
        b.HasOne<ListEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Files).WithOne().HasForeignKey(f => f.ObjectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectionFileConfiguration : IEntityTypeConfiguration<ObjectionFile>
{
    public void Configure(EntityTypeBuilder<ObjectionFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> b)
    {
        b.HasIndex(c => c.ApplicationId).IsUnique();
        b.HasIndex(c => c.CertificateNumber).IsUnique();
        b.HasIndex(c => c.CampaignId);
        b.Property(c => c.CertificateNumber).HasMaxLength(100);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgrammeListSettingsConfiguration : IEntityTypeConfiguration<ProgrammeListSettings>
{
    public void Configure(EntityTypeBuilder<ProgrammeListSettings> b)
    {
        b.HasKey(s => s.Programme);
        b.Property(s => s.Programme).ValueGeneratedNever();
        b.Property(s => s.CertificateNumberFormat).HasMaxLength(100);
    }
}
