using DtcNotify.Domain.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class SpecialistsChannelConfiguration : IEntityTypeConfiguration<SpecialistsChannel>
{
    public void Configure(EntityTypeBuilder<SpecialistsChannel> builder)
    {
        builder.ToTable("teams_channels");
        builder.HasIndex(c => new { c.TenantId, c.TeamId }).IsUnique();
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.TeamId).HasMaxLength(200);
        builder.Property(c => c.TeamName).HasMaxLength(200);
        builder.Property(c => c.TeamAadGroupId).HasMaxLength(64);
        builder.Property(c => c.ChannelId).HasMaxLength(200);
        builder.Property(c => c.ServiceUrl).HasMaxLength(300);
    }
}
