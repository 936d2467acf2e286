using DtcNotify.Cases;

namespace DtcNotify.AssetIndexing;

internal static class LookupExtensions
{
    /// <summary>The asset index kept in step with the registry, and the company lookup (bot, search, CLI) built on it.</summary>
    public static IServiceCollection AddLookup(this IServiceCollection services)
    {
        services.AddSingleton<AssetIndexProvider>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<LookupService>();
        return services;
    }
}
