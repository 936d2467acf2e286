using DtcNotify.Teams.Hosting;

namespace DtcNotify.Bot;

internal static class BotExtensions
{
    public static IServiceCollection AddDtcBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsBot<DtcBotHandler>(configuration);
        services.AddScoped<ChannelRegistrar>();
        services.AddScoped<CommandHandler>();
        services.AddScoped<AnalystGate>();
        services.AddSingleton<AnalystDirectory>();
        return services;
    }
}
