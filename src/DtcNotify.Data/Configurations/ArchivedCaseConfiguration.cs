using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class ArchivedCaseConfiguration : IEntityTypeConfiguration<ArchivedCase>
{
    public void Configure(EntityTypeBuilder<ArchivedCase> builder)
    {
        builder.ToTable("archived_cases");
        builder.Property(c => c.Threat).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Severity).HasMaxLength(10);
        builder.Property(c => c.Sector).HasMaxLength(100);
        builder.Property(c => c.Suppression).HasMaxLength(30);
        builder.Property(c => c.Tlp).HasMaxLength(12);
        builder.Property(c => c.Source).HasMaxLength(64);
        builder.Property(c => c.Remediation).HasMaxLength(20);
        builder.Property(c => c.Status).HasMaxLength(20)
            .HasConversion(s => s.ToName(), s => CaseStatusNames.Parse(s));
        builder.HasIndex(c => c.CreatedAt);
    }
}
