using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmeZones.Core.Campaigns;
using SmeZones.Core.Notifications;
using SmeZones.Core.Organisations;

namespace SmeZones.Core.Data;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        // The list and the header count: a user's unread first, newest first.
        b.HasIndex(m => new { m.RecipientId, m.ReadAt, m.CreatedAt });
        b.Property(m => m.Kind).HasMaxLength(50);
        b.Property(m => m.Title).HasMaxLength(Message.MaxTitle);
        b.Property(m => m.Body).HasMaxLength(Message.MaxBody);
        b.Property(m => m.LinkPage).HasMaxLength(200);
        b.Property(m => m.LinkValues).HasColumnType("jsonb");
        b.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MailOutboxConfiguration : IEntityTypeConfiguration<MailOutboxItem>
{
    public void Configure(EntityTypeBuilder<MailOutboxItem> b)
    {
        b.ToTable("MailOutbox");
        // The drain reads only what is still due.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("\"SentAt\" IS NULL AND \"AbandonedAt\" IS NULL");
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(Message.MaxTitle);
        b.Property(m => m.Body).HasMaxLength(Message.MaxBody);
        b.Property(m => m.LastError).HasMaxLength(MailOutboxItem.MaxError);
        b.HasOne<Message>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> b)
    {
        // Once per unit per deadline, whichever portal instance's job gets there first.
        b.HasIndex(r => new { r.CampaignId, r.StageOrder, r.OrganisationId, r.Deadline }).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
