using DtcNotify.Domain.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("digest_runs");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).HasMaxLength(10);
        builder.Property(d => d.PostedBy).HasMaxLength(200);
        builder.Property(d => d.ConversationId).HasMaxLength(400);
        builder.Property(d => d.ActivityId).HasMaxLength(200);
    }
}
