using DtcNotify.Data;
using DtcNotify.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DtcNotify.Database;

internal static class DatabaseExtensions
{
    /// <summary>
    /// Registers both provider contexts and resolves <see cref="DtcNotifyDbContext"/> to the configured one. The choice is
    /// made from options when resolved, not from configuration at registration, so late configuration (tests) counts.
    /// </summary>
    public static IServiceCollection AddDtcNotifyDatabase(this IServiceCollection services)
    {
        services.AddSingleton<PreparedConnection>();
        services.AddSingleton<SqliteWriteGate>();
        // SQLite rebuilds a table to alter it, with "PRAGMA foreign_keys" outside the transaction by design; EF warns about
        // that on every first migration ("would need to be reverted manually"), which only alarms a newcomer. A failed
        // migration of the single-instance SQLite file is rerun from a backup, never reverted by hand.
        services.AddDbContext<SqliteDtcNotifyDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<PreparedConnection>().Value).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>())
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)));
        services.AddDbContext<PostgresDtcNotifyDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<PreparedConnection>().Value));
        services.AddScoped<DtcNotifyDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresDtcNotifyDbContext>()
                : sp.GetRequiredService<SqliteDtcNotifyDbContext>());
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>The connection string, with the folder of a relative SQLite file (default <c>data/</c>) created so the first run just works.</summary>
    private sealed class PreparedConnection(IOptions<DatabaseOptions> options)
    {
        private readonly Lazy<string> _value = new(() => Prepare(options.Value));

        public string Value => _value.Value;

        private static string Prepare(DatabaseOptions options)
        {
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                return options.ConnectionString;
            }

            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }

            return builder.ToString();
        }
    }
}
