using DtcNotify.Domain.Audit;
using DtcNotify.Domain.Cases;
using DtcNotify.Domain.Channels;
using DtcNotify.Domain.Companies;
using DtcNotify.Domain.Intake;
using DtcNotify.Domain.Leases;
using DtcNotify.Domain.Notifications;
using DtcNotify.Domain.Retention;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Data;

/// <summary>The one database of DtcNotify; the CLI, the HTTP intake and every app instance share it (it is the queue between stages).</summary>
public abstract class DtcNotifyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FeedImport> Imports => Set<FeedImport>();

    public DbSet<StoredObservation> Observations => Set<StoredObservation>();

    public DbSet<ThreatCase> Cases => Set<ThreatCase>();

    public DbSet<SpecialistsChannel> Channels => Set<SpecialistsChannel>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CardBatch> CardBatches => Set<CardBatch>();

    public DbSet<Lease> Leases => Set<Lease>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<ArchivedCase> ArchivedCases => Set<ArchivedCase>();
    public DbSet<ShadowserverDownload> ShadowserverDownloads => Set<ShadowserverDownload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DtcNotifyDbContext).Assembly);
}
