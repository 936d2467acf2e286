using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class StoredObservationConfiguration : IEntityTypeConfiguration<StoredObservation>
{
    public void Configure(EntityTypeBuilder<StoredObservation> builder)
    {
        builder.ToTable("observations");
        builder.HasOne<FeedImport>().WithMany().HasForeignKey(o => o.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Company>().WithMany().HasForeignKey(o => o.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ThreatCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(o => o.Threat).HasMaxLength(200);
        builder.Property(o => o.MatchedAsset).HasMaxLength(300);
        builder.Property(o => o.FeedName).HasMaxLength(200);
        builder.HasIndex(o => new { o.ImportId, o.CompanyId, o.Threat });
        builder.HasIndex(o => o.CaseId);
    }
}
