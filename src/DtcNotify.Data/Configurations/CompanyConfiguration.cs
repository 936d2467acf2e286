using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DtcNotify.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.HasIndex(c => c.Kvk).IsUnique();
        builder.Property(c => c.Kvk).HasMaxLength(8);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Sector).HasMaxLength(100);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.RegistryFingerprint).HasMaxLength(64);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Assets).WithOne().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
