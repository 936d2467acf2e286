namespace DtcNotify.Audit;

internal static class AuditExtensions
{
    /// <summary>Reading the audit trail (CLI <c>audit</c>, the bot's <c>audit</c> command, <c>export company</c>).</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        return services;
    }

    /// <summary>The service's queue for audit entries of card views that must not wait for SQLite's write lock (<see cref="DeferredAuditWriter"/>).</summary>
    public static IServiceCollection AddDeferredAudit(this IServiceCollection services)
    {
        services.AddSingleton<DeferredAuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredAuditWriter>());
        return services;
    }
}
