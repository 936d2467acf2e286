using Microsoft.EntityFrameworkCore;

namespace DtcNotify.Data;

/// <summary>For installations that run several instances. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresDtcNotifyDbContext(DbContextOptions<PostgresDtcNotifyDbContext> options) : DtcNotifyDbContext(options);
