using DtcNotify.Cases;

namespace DtcNotify.Bot;

internal static class CommandExtensions
{
    /// <summary>What the chat commands and the search message extension read (the bot itself is added by <c>AddDtcBot</c>).</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddScoped<CaseListQuery>();
        services.AddScoped<CaseStatistics>();
        services.AddScoped<ComposeExtensionHandler>();
        return services;
    }
}
