namespace DtcNotify.Audit;

internal static class AuditExtensions
{
    /// <summary>Reading the audit trail (CLI <c>audit</c>, the bot's <c>audit</c> command, <c>export company</c>).</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        return services;
    }
}
