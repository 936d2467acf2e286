using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Companies;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Data;

/// <summary>The one database of DtcNotify; the CLI, the HTTP intake and every app instance share it (it is the queue between stages).</summary>
public abstract class DtcNotifyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DtcNotifyDbContext).Assembly);
}
