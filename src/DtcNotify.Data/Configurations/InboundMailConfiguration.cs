using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Mailbox;
using DtcNotify.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> builder)
    {
        builder.ToTable("inbound_mail");
        builder.HasOne<ThreatCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Restrict);

        // The guarantee that a message is processed once lives here: a second insert of the same message fails.
        builder.HasIndex(m => m.Fingerprint).IsUnique();
        builder.HasIndex(m => new { m.Transport, m.TransportId });
        builder.HasIndex(m => m.CaseId);
        builder.HasIndex(m => new { m.PostedAt, m.Kind });
        builder.Property(m => m.Fingerprint).HasMaxLength(1000);
        builder.Property(m => m.Transport).HasMaxLength(10);
        builder.Property(m => m.TransportId).HasMaxLength(1000);
        builder.Property(m => m.MessageId).HasMaxLength(1000);
        builder.Property(m => m.Kind).HasMaxLength(20)
            .HasConversion(k => k.ToName(), k => InboundMailKindNames.Parse(k));
        builder.Property(m => m.MatchedBy).HasMaxLength(20);
        builder.Property(m => m.From).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Text).HasMaxLength(1000);
        builder.Property(m => m.Detail).HasMaxLength(1000);
        builder.Property(m => m.Attachments).HasMaxLength(1000);
        builder.Property(m => m.PostClaimedBy).HasMaxLength(200);
    }
}
