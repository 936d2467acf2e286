using DtcNotify.Data;
using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Tests.Database;

/// <summary>
/// A model change without a migration for each provider would pass every SQLite test and break the first PostgreSQL
/// deployment (or the other way round); this catches it before either.
/// </summary>
public sealed class MigrationsUpToDateTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var context = new SqliteDtcNotifyDbContext(
            new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(context.Database.HasPendingModelChanges(), "add a migration to Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var context = new PostgresDtcNotifyDbContext(
            new DbContextOptionsBuilder<PostgresDtcNotifyDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        Assert.False(context.Database.HasPendingModelChanges(), "add a migration to Migrations/Postgres");
    }
}
