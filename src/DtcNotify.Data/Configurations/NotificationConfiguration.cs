using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasOne<ThreatCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Restrict);

        // The guarantee against a second e-mail for one approval lives here, not in application code.
        builder.HasIndex(n => n.IdempotencyKey).IsUnique();
        builder.HasIndex(n => n.PublicId).IsUnique();
        builder.HasIndex(n => new { n.Status, n.CreatedAt });
        builder.HasIndex(n => n.CaseId);
        builder.Property(n => n.Channel).HasMaxLength(10);
        builder.Property(n => n.Recipient).HasMaxLength(320);
        builder.Property(n => n.RecipientName).HasMaxLength(200);
        builder.Property(n => n.Language).HasMaxLength(2);
        builder.Property(n => n.IdempotencyKey).HasMaxLength(100);
        builder.Property(n => n.Status).HasMaxLength(10)
            .HasConversion(s => s.ToName(), s => NotificationStatusNames.Parse(s));
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.ExternalId).HasMaxLength(400);
        builder.Property(n => n.Transport).HasMaxLength(20);
        builder.Property(n => n.RequestedById).HasMaxLength(100);
        builder.Property(n => n.RequestedByName).HasMaxLength(200);
        builder.Property(n => n.ClaimedBy).HasMaxLength(200);
        builder.Property(n => n.ContentSha256).HasMaxLength(64);
    }
}
