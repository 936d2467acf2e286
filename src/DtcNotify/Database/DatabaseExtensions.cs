using DtcNotify.Data;
using DtcNotify.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Database;

internal static class DatabaseExtensions
{
    /// <summary>Registers the context for the configured provider; each provider has its own migrations.</summary>
    public static IServiceCollection AddDtcNotifyDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("DtcNotify") ?? new DatabaseOptions().ConnectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<DtcNotifyDbContext, PostgresDtcNotifyDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var sqlite = PrepareSqlite(connectionString);
            services.AddDbContext<DtcNotifyDbContext, SqliteDtcNotifyDbContext>(o => o.UseSqlite(sqlite));
        }

        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>Creates the folder of a relative SQLite file (default <c>data/</c>) so the first run just works.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
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
