using System.Globalization;
using Npgsql;

namespace DtcNotify.Benchmarks.Postgres;

/// <summary>
/// A throw-away database on the given server (admin connection string), dropped on dispose; optionally a copy of another
/// database (<c>CREATE DATABASE … TEMPLATE …</c>, PostgreSQL's file copy) or one kept under a fixed name for a later run.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly bool _keep;

    private ScratchDatabase(string admin, string name, bool keep)
    {
        _admin = admin;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static Task<ScratchDatabase> CreateAsync(string adminConnectionString) =>
        CreateAsync(adminConnectionString, string.Create(CultureInfo.InvariantCulture, $"dtcnotify_bench_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}"));

    /// <summary>A new database <paramref name="name"/> (an existing one of that name is dropped first), copied from <paramref name="template"/> when given.</summary>
    public static async Task<ScratchDatabase> CreateAsync(string adminConnectionString, string name, ScratchDatabase? template = null, bool keep = false)
    {
        await DropAsync(adminConnectionString, name);
        var copy = template is null ? "" : $" TEMPLATE {template.Name}";
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}{copy}");
        return new ScratchDatabase(adminConnectionString, name, keep);
    }

    /// <summary>This database under another name (an existing one of that name is dropped first); use the result from now on.</summary>
    public async Task<ScratchDatabase> RenameAsync(string name, bool keep)
    {
        await DropAsync(_admin, name);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"ALTER DATABASE {Name} RENAME TO {name}");
        return new ScratchDatabase(_admin, name, keep);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_keep)
        {
            await DropAsync(_admin, Name);
        }
    }

    private static async Task DropAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
