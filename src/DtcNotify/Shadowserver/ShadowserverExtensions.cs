using DtcNotify.Feeds;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DtcNotify.Shadowserver;

/// <summary>Shadowserver: the schema in force (file, reloaded when it changes), its update, and the Reports API collector.</summary>
internal static class ShadowserverExtensions
{
    /// <summary>What the service and the CLI share.</summary>
    public static IServiceCollection AddShadowserver(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShadowserverOptions>().Bind(configuration.GetSection(ShadowserverOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShadowserverOptions>, ShadowserverOptionsValidator>());
        services.AddSingleton<ShadowserverSchemaSource>();
        services.AddShadowserverHttp();
        services.AddScoped<ShadowserverSchemaUpdater>();
        services.AddScoped<ShadowserverApiClient>();
        services.AddScoped<DownloadClaims>();
        services.AddScoped<ShadowserverCollector>();
        services.AddSingleton(sp => new FeedReader(() => sp.GetRequiredService<ShadowserverSchemaSource>().Current, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The service's part: the collector and schema refresh on their schedules, and the schema-changed card.</summary>
    public static IServiceCollection AddShadowserverSchedules(this IServiceCollection services)
    {
        services.AddScoped<SchemaChangePublisher>();
        services.AddHostedService<ShadowserverScheduler>();
        return services;
    }
}
