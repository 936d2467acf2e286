namespace DtcNotify.Retention;

internal static class RetentionExtensions
{
    /// <summary>The purge itself (CLI <c>purge</c> and the service).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionPurge>();
        return services;
    }

    /// <summary>The service's daily purge under a lease.</summary>
    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services)
    {
        services.AddSingleton<RetentionScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionScheduler>());
        return services;
    }
}
