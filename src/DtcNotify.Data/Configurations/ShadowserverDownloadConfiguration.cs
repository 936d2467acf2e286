using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class ShadowserverDownloadConfiguration : IEntityTypeConfiguration<ShadowserverDownload>
{
    public void Configure(EntityTypeBuilder<ShadowserverDownload> builder)
    {
        builder.ToTable("shadowserver_downloads");
        builder.HasKey(d => d.ReportId);
        builder.Property(d => d.ReportId).HasMaxLength(200);
        builder.Property(d => d.File).HasMaxLength(300);
        builder.Property(d => d.Type).HasMaxLength(100);
        builder.Property(d => d.ReportDate).HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Holder).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => d.Status); // the digest lists the failed ones
    }
}
