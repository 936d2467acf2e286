namespace DtcNotify.Options;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:DtcNotify</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Bound from <c>ConnectionStrings:DtcNotify</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/dtcnotify.db";
}
