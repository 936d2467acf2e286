using DtcNotify.Data;
using DtcNotify.Demo;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Database;

/// <summary>Applies migrations (and, in Development, seeds the demo registry) before any other hosted service starts.</summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken);
        if (environment.IsDevelopment())
        {
            // A host without the seeder (the integration tests, which run in Development for local mode) seeds nothing.
            await using var scope = services.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<DemoSeeder>() is { } seeder)
            {
                await seeder.SeedIfEmptyAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DtcNotifyDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<DatabaseMigrator>>();

        // EF Core takes a migration lock, so several instances starting together on PostgreSQL apply each migration once.
        // With nothing pending, Migrate is skipped: it would diff the model against the snapshot on every CLI run (a third
        // of a second); MigrationsUpToDateTests keeps model and migrations in step.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await Data.Import.ImportStore.For(db).AfterMigrationAsync(cancellationToken);

        Log.Migrated(log, pending.Count, db.Database.ProviderName ?? "?");
    }

    private static partial class Log
    {
        [LoggerMessage(2101, LogLevel.Information, "Database ready: {Count} migration(s) applied ({Provider})")]
        public static partial void Migrated(ILogger logger, int count, string provider);
    }
}
