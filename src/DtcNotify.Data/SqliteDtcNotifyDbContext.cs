using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DtcNotify.Data;

/// <summary>The embedded default. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteDtcNotifyDbContext(DbContextOptions<SqliteDtcNotifyDbContext> options) : DtcNotifyDbContext(options)
{
    // SQLite cannot order or compare DateTimeOffset text; binary storage keeps comparisons in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
