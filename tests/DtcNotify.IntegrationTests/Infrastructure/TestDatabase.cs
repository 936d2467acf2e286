using DtcNotify.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DtcNotify.IntegrationTests.Infrastructure;

/// <summary>A fresh, empty database of one provider: a temp SQLite file, or a new database on the real PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Admin connection string of the PostgreSQL server that .ci/run starts; unset means PostgreSQL tests do not run.</summary>
    public const string PostgresVariable = "DTCNOTIFY_TEST_POSTGRES";

    private readonly string? _cleanup;
    private string? _admin;

    private TestDatabase(string provider, string connectionString, string? cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The providers a provider theory runs on: SQLite always, PostgreSQL where the server is configured.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (PostgresAdmin is not null)
        {
            data.Add("Postgres");
        }

        return data;
    }

    /// <param name="postgresAdmin">Another PostgreSQL server than <see cref="PostgresAdmin"/> (a private one a test stops and starts).</param>
    public static async Task<TestDatabase> CreateAsync(string provider, string? postgresAdmin = null)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"dtcnotify-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file}", file);
        }

        var admin = postgresAdmin ?? PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = $"dtc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(provider, builder.ConnectionString, name) { _admin = admin };
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", Provider),
        new("ConnectionStrings:DtcNotify", ConnectionString),
    ];

    /// <summary>A context on this database, optionally with interceptors (e.g. to make a write fail halfway).</summary>
    public DtcNotifyDbContext CreateContext(params IInterceptor[] interceptors) => Provider == "Sqlite"
        ? new SqliteDtcNotifyDbContext(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options)
        : new PostgresDtcNotifyDbContext(new DbContextOptionsBuilder<PostgresDtcNotifyDbContext>().UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options);

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_cleanup + suffix);
            }

            return;
        }

        await using var connection = new NpgsqlConnection(_admin ?? PostgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_cleanup} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
