using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class FeedImportConfiguration : IEntityTypeConfiguration<FeedImport>
{
    public void Configure(EntityTypeBuilder<FeedImport> builder)
    {
        builder.ToTable("imports");
        builder.Property(i => i.Source).HasMaxLength(64);
        builder.Property(i => i.Format).HasMaxLength(20);
        builder.Property(i => i.Kind).HasMaxLength(20);
        builder.Property(i => i.FileName).HasMaxLength(400);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.HasIndex(i => new { i.Source, i.Sha256 });
        builder.HasIndex(i => i.ReceivedAt);
        builder.Property(i => i.ReportKey).HasMaxLength(200);
    }
}
