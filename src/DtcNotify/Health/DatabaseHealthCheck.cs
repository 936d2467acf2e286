using DtcNotify.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DtcNotify.Health;

/// <summary>Healthy only when the database answers a query on our own schema (not merely a connection).</summary>
internal sealed class DatabaseHealthCheck(DtcNotifyDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var companies = await db.Companies.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"database answers ({companies} companies)");
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("database does not answer", ex);
        }
    }
}
