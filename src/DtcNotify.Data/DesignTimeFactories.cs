using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DtcNotify.Data;

// Used only by `dotnet ef migrations add`; the app configures the real connection from options.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDtcNotifyDbContext>
{
    public SqliteDtcNotifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDtcNotifyDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDtcNotifyDbContext>
{
    public PostgresDtcNotifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDtcNotifyDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
